package dev.ruxo.rules.drools.synthea;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.Coding;
import dev.ruxo.rules.Finding;
import dev.ruxo.rules.drools.TestEngine;
import dev.ruxo.rules.json.WireFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The knowledge base against a realistic population: 300 living patients of a seeded Synthea run (FHIR R4 bundles,
 * turned into requests by {@link SyntheaRequests}), each with an atopic dermatitis order. Their problem lists use the
 * specific SNOMED CT codes US EHRs carry, and their medication lists the clinical-drug texts.
 *
 * <ul>
 *   <li>Every condition code that falls under a policy row gives that row's finding
 *       ({@code synthea/expected-findings.csv}, written from the policy).</li>
 *   <li>No problem-list entry goes unscreened: each code is in some value set, KNOWN_NOT_RELEVANT included.</li>
 *   <li>The unrecognised-medication note fires for at most 10 % of patients.</li>
 * </ul>
 */
class SyntheaCoverageTest {

    private record Expected(String code, String ruleId, boolean fromAge50, String display) {
    }

    private record Patient(int line, CheckRequest request, Assessment assessment) {

        int age() {
            return Period.between(request.patient().birthDate(), request.asOf()).getYears();
        }

        Set<String> rules() {
            return assessment.findings().stream().map(Finding::ruleId).collect(Collectors.toSet());
        }
    }

    private static final List<Patient> POPULATION = new ArrayList<>();
    private static final List<Expected> EXPECTED = new ArrayList<>();

    @BeforeAll
    static void checkThePopulation() throws IOException {
        POPULATION.clear();
        EXPECTED.clear();
        WireFormat wire = WireFormat.create();
        int line = 0;
        for (String json : resource("synthea/population.jsonl").split("\n")) {
            line++;
            if (!json.isBlank()) {
                CheckRequest request = wire.readRequest(json);
                POPULATION.add(new Patient(line, request, TestEngine.check(request)));
            }
        }
        for (String row : resource("synthea/expected-findings.csv").split("\n")) {
            String[] f = row.split(",", 4);
            if (row.startsWith("#") || row.startsWith("code,") || row.isBlank()) {
                continue;
            }
            EXPECTED.add(new Expected(f[0], f[1], f[2].equals("age50"), f[3]));
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SyntheaCoverageTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void thePopulationIsThe300LivingPatientsOfTheSeededRun() {
        assertThat(POPULATION).hasSize(300);
        assertThat(POPULATION).allSatisfy(p -> assertThat(p.request().order().indication().code()).isEqualTo("L20.9"));
    }

    @Test
    void everyConditionUnderAPolicyRowGivesThatRowsFinding() {
        List<String> missed = new ArrayList<>();
        Map<String, Integer> patientsPerCode = new TreeMap<>();
        for (Patient p : POPULATION) {
            Set<String> codes = p.request().patient().conditions().stream().map(Coding::code)
                    .collect(Collectors.toSet());
            for (Expected e : EXPECTED) {
                if (!codes.contains(e.code()) || (e.fromAge50() && p.age() < 50)) {
                    continue;
                }
                patientsPerCode.merge(e.code(), 1, Integer::sum);
                if (!p.rules().contains(e.ruleId())) {
                    missed.add("line " + p.line() + ": " + e.code() + " " + e.display() + " -> " + e.ruleId());
                }
            }
        }
        assertThat(missed).as("conditions under a policy row whose finding is missing").isEmpty();
        assertThat(patientsPerCode.keySet()).as("every expected code occurs in the population")
                .containsAll(EXPECTED.stream().filter(e -> !e.fromAge50()).map(Expected::code).toList());
        long withAny = POPULATION.stream().filter(p -> p.request().patient().conditions().stream()
                .anyMatch(c -> EXPECTED.stream().anyMatch(e -> e.code().equals(c.code())))).count();
        System.out.printf("Synthea coverage: %d distinct condition codes, %d under a policy row, %d of %d patients"
                        + " carry at least one; decisions %s%n", distinctCodes().size(),
                EXPECTED.stream().map(Expected::code).distinct().count(), withAny, POPULATION.size(), decisions());
    }

    @Test
    void noProblemListEntryGoesUnscreened() {
        List<String> unscreened = POPULATION.stream().flatMap(p -> p.assessment().findings().stream())
                .filter(f -> f.ruleId().equals("RUXO-DATA-CONDITION-UNSCREENED")).map(Finding::summary).toList();
        assertThat(unscreened).isEmpty();
    }

    @Test
    void theUnrecognisedMedicationNoteFiresForAtMostOnePatientInTen() {
        List<Patient> noted = POPULATION.stream()
                .filter(p -> p.rules().contains("RUXO-DATA-MED-UNRECOGNISED")).toList();
        Set<String> drugs = noted.stream().flatMap(p -> p.assessment().findings().stream())
                .filter(f -> f.ruleId().equals("RUXO-DATA-MED-UNRECOGNISED")).map(Finding::summary)
                .collect(Collectors.toCollection(TreeSet::new));
        long withMedications = POPULATION.stream().filter(p -> !p.request().medications().isEmpty()).count();
        System.out.printf("Synthea noise: unrecognised-medication note for %d of %d patients (%d with active"
                + " medications): %s%n", noted.size(), POPULATION.size(), withMedications, drugs);
        assertThat(noted.size() * 10).as("patients with the note: %s", drugs).isLessThanOrEqualTo(POPULATION.size());
    }

    private static Set<String> distinctCodes() {
        return POPULATION.stream().flatMap(p -> p.request().patient().conditions().stream()).map(Coding::code)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, Long> decisions() {
        return POPULATION.stream().collect(Collectors.groupingBy(p -> p.assessment().decision().toString(), TreeMap::new,
                Collectors.counting()));
    }
}
