package dev.ruxo.rules.drools.properties;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.Finding;
import dev.ruxo.rules.Order;
import dev.ruxo.rules.Patient;
import dev.ruxo.rules.drools.TestEngine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.quicktheories.QuickTheory;

/**
 * What every property test shares: the seeded QuickTheories entry point, the knowledge base's parameters read straight
 * from {@code parameters.csv} (so an expectation follows the data, not a copy of it), and small request edits.
 * Expectations are computed here with plain {@link BigDecimal} and {@link java.time} arithmetic, never with the
 * engine's own helpers.
 */
final class PropertySupport {

    /** The seed Surefire passes as {@code ruxo.qt.seed}; the CI default when run from an IDE. */
    static final long SEED = Long.getLong("ruxo.qt.seed", 20261122L);

    private static final String PARAMETERS = "dev/ruxo/rules/kb/us/parameters.csv";
    private static final Map<String, BigDecimal> PARAMETER_VALUES = readParameters();

    private static final java.util.regex.Pattern MORE = java.util.regex.Pattern.compile("\\(\\+(\\d+) more\\)$");

    private PropertySupport() {
    }

    /**
     * How many things a finding stands for: one, or one plus the count its summary ends with ("(+2 more)").
     *
     * @param f the finding
     * @return the count
     */
    static int count(Finding f) {
        java.util.regex.Matcher m = MORE.matcher(f.summary());
        return m.find() ? 1 + Integer.parseInt(m.group(1)) : 1;
    }

    /** @param examples how many examples to try @return a seeded theory */
    static QuickTheory qt(int examples) {
        return QuickTheory.qt().withFixedSeed(SEED).withExamples(examples);
    }

    /** @param id a parameter id such as {@code AD_MAX_BSA_PERCENT} @return its value in parameters.csv */
    static BigDecimal parameter(String id) {
        BigDecimal value = PARAMETER_VALUES.get(id);
        if (value == null) {
            throw new IllegalArgumentException("no parameter " + id + " in " + PARAMETERS);
        }
        return value;
    }

    static Assessment check(CheckRequest request) {
        return TestEngine.check(request);
    }

    /** Age in whole years on the evaluation date: java.time's calendar arithmetic, else the age given. */
    static int age(CheckRequest request) {
        Patient p = request.patient();
        return p.birthDate() != null ? Period.between(p.birthDate(), request.asOf()).getYears() : p.ageYears();
    }

    static boolean isAtopicDermatitis(CheckRequest request) {
        String code = request.order().indication().code();
        return code.startsWith("L20") || code.equals("24079001");
    }

    static boolean isVitiligo(CheckRequest request) {
        String code = request.order().indication().code();
        return code.equals("L80") || code.startsWith("H02.73") || code.equals("56727007");
    }

    static List<Finding> findings(Assessment assessment, String ruleId) {
        return assessment.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    static boolean fired(Assessment assessment, String ruleId) {
        return !findings(assessment, ruleId).isEmpty();
    }

    static List<String> ruleIds(Assessment assessment) {
        return assessment.findings().stream().map(Finding::ruleId).distinct().toList();
    }

    static CheckRequest withOrder(CheckRequest request, UnaryOperator<Order.Builder> change) {
        return request.toBuilder().order(change.apply(request.order().toBuilder()).build()).build();
    }

    static CheckRequest withPatient(CheckRequest request, UnaryOperator<Patient.Builder> change) {
        return request.toBuilder().patient(change.apply(request.patient().toBuilder()).build()).build();
    }

    private static Map<String, BigDecimal> readParameters() {
        InputStream in = PropertySupport.class.getClassLoader().getResourceAsStream(PARAMETERS);
        if (in == null) {
            throw new IllegalStateException(PARAMETERS + " is not on the class path");
        }
        Map<String, BigDecimal> values = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().skip(1).map(line -> line.split(",", 3))
                    .forEach(cells -> values.put(cells[0].strip(), new BigDecimal(cells[1].strip())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(values);
    }
}
