package dev.ruxo.rules.drools;

import dev.ruxo.rules.RuleCompilationException;
import dev.ruxo.rules.drools.internal.KnowledgeBaseFiles;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.platform.engine.discovery.DiscoverySelectors;

/**
 * The mutation check of the knowledge base: does the test suite notice when the knowledge base is wrong?
 *
 * <p>It makes mutants of the built-in knowledge base, one change each, and runs the behavioural tests against each
 * mutant (the tests that check through {@link TestEngine}: scenario files, the rule example tests and the Synthea
 * coverage test). Left out: the property tests, which take minutes; the structural tests that compare the
 * documentation with the knowledge base, which would "kill" a dropped rule without checking any answer; and
 * QuietValueSetTest, whose cases are read from the value-set file itself, so it would "kill" every dropped row by
 * construction. A mutant is killed when some test fails against it. The mutants:
 *
 * <ul>
 *   <li><b>parameters</b>: every parameter one step up and one step down (a step is one unit of its last decimal
 *       place: 20 becomes 19 and 21, 0.75 becomes 0.74 and 0.76);</li>
 *   <li><b>operators</b>: every comparison in the conditions of every rule, turned to its boundary twin
 *       ({@code >} and {@code >=}, {@code <} and {@code <=}) and to its negation ({@code >} and {@code <=},
 *       {@code ==} and {@code !=}); parameter lookups {@code Param(id == "...")} are names, not comparisons;</li>
 *   <li><b>rules</b>: every rule dropped in turn;</li>
 *   <li><b>value-set rows</b>: rows of conditions.csv and medications.csv dropped in turn, a seeded sample.</li>
 * </ul>
 *
 * <p>Run it with {@code ./mvnw -B -o verify -pl ruxo-rules-drools -am -DskipTests -Pmutation}; system properties
 * {@code mutation.valueSetSample} (rows to drop, default 60; 0 for none, -1 for all) and {@code mutation.only}
 * (a comma-separated list of kinds: parameters, operators, rules, value-sets) bound the run. It prints every
 * survivor and the kill rate of each kind, and exits 1 when a parameter, operator or rule mutant survives.
 */
public final class MutationCheck {

    /** The tests run against each mutant, cheapest and most often killing first. */
    private static final List<String> SUITE = List.of(
            "dev.ruxo.rules.drools.ScenarioFilesTest",
            "dev.ruxo.rules.drools.rules.IndicationRulesTest",
            "dev.ruxo.rules.drools.rules.DosingRulesTest",
            "dev.ruxo.rules.drools.rules.PatientSafetyRulesTest",
            "dev.ruxo.rules.drools.rules.InteractionRulesTest",
            "dev.ruxo.rules.drools.rules.MonitoringAndDataRulesTest",
            "dev.ruxo.rules.drools.rules.KnowledgeBaseV2RulesTest",
            "dev.ruxo.rules.drools.synthea.SyntheaCoverageTest");

    private static final Pattern RULE_BLOCK = Pattern.compile("(?ms)^rule \"([^\"]+)\".*?^end\\s*$\\n?");
    private static final Pattern WHEN_THEN = Pattern.compile("(?ms)^when\\s*$(.*?)^then\\s*$");
    private static final Pattern OPERATOR = Pattern.compile("(?<![<>=!-])(==|!=|>=|<=|>|<)(?![=>])");
    private static final Pattern PARAM_LOOKUP = Pattern.compile("(^|[^A-Za-z0-9_$])id\\s*$");

    /** One mutant: what kind, a readable description, and the files. */
    record Mutant(String kind, String description, KnowledgeBaseFiles files) {
    }

    private MutationCheck() {
    }

    /**
     * @param args unused
     */
    public static void main(String[] args) {
        int sample = Integer.getInteger("mutation.valueSetSample", 60);
        List<String> only = List.of(System.getProperty("mutation.only", "parameters,operators,rules,value-sets")
                .split(","));
        KnowledgeBaseFiles builtIn = KnowledgeBaseFiles.builtIn();
        List<Mutant> mutants = new ArrayList<>();
        if (only.contains("parameters")) {
            mutants.addAll(parameterMutants(builtIn));
        }
        if (only.contains("operators")) {
            mutants.addAll(operatorMutants(builtIn));
        }
        if (only.contains("rules")) {
            mutants.addAll(ruleMutants(builtIn));
        }
        if (only.contains("value-sets")) {
            mutants.addAll(valueSetMutants(builtIn, sample));
        }
        System.out.println("Baseline: the suite against the built-in knowledge base");
        String baseline = firstFailure();
        if (baseline != null) {
            System.out.println("The suite fails without any mutation (" + baseline + "); fix that first.");
            System.exit(2);
        }
        Map<String, int[]> tally = new LinkedHashMap<>();
        Map<String, List<String>> survivors = new LinkedHashMap<>();
        long start = System.nanoTime();
        int n = 0;
        for (Mutant m : mutants) {
            n++;
            String killedBy;
            try {
                TestEngine.use(DroolsCheckEngine.builder().files(m.files()).build());
                killedBy = firstFailure();
            } catch (RuleCompilationException e) {
                killedBy = "the knowledge base does not compile";
            } finally {
                TestEngine.use(null);
            }
            int[] t = tally.computeIfAbsent(m.kind(), k -> new int[2]);
            t[0]++;
            if (killedBy != null) {
                t[1]++;
            } else {
                survivors.computeIfAbsent(m.kind(), k -> new ArrayList<>()).add(m.description());
            }
            System.out.printf(Locale.ROOT, "[%d/%d] %-10s %s: %s%n", n, mutants.size(), m.kind(), m.description(),
                    killedBy == null ? "SURVIVED" : "killed by " + killedBy);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Mutation check: %d mutants in %d s%n", mutants.size(),
                (System.nanoTime() - start) / 1_000_000_000L);
        boolean clean = true;
        for (var e : tally.entrySet()) {
            int[] t = e.getValue();
            System.out.printf(Locale.ROOT, "  %-10s %4d mutants, %4d killed, kill rate %.1f%%%n", e.getKey(), t[0], t[1],
                    100.0 * t[1] / t[0]);
            for (String s : survivors.getOrDefault(e.getKey(), List.of())) {
                System.out.println("      survivor: " + s);
            }
            if (!e.getKey().equals("value-set") && t[1] < t[0]) {
                clean = false;
            }
        }
        System.exit(clean ? 0 : 1);
    }

    /** Runs the suite class by class and answers the first failing test, or null when all pass. */
    private static String firstFailure() {
        Launcher launcher = LauncherFactory.create();
        for (String className : SUITE) {
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(DiscoverySelectors.selectClass(className)).build();
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            launcher.execute(request, listener);
            TestExecutionSummary summary = listener.getSummary();
            if (summary.getTotalFailureCount() > 0) {
                var failure = summary.getFailures().get(0);
                return className.substring(className.lastIndexOf('.') + 1) + " ("
                        + failure.getTestIdentifier().getDisplayName() + ")";
            }
        }
        return null;
    }

    private static KnowledgeBaseFiles with(KnowledgeBaseFiles base, String file, String content) {
        Map<String, String> files = new LinkedHashMap<>(base.files());
        files.put(file, content);
        return new KnowledgeBaseFiles(files);
    }

    static List<Mutant> parameterMutants(KnowledgeBaseFiles base) {
        List<Mutant> out = new ArrayList<>();
        String csv = base.files().get("parameters.csv");
        String[] lines = csv.split("\n", -1);
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",", -1);
            if (f.length < 2 || lines[i].startsWith("#")) {
                continue;
            }
            BigDecimal value = new BigDecimal(f[1]);
            BigDecimal step = BigDecimal.ONE.movePointLeft(Math.max(0, value.scale()));
            for (BigDecimal changed : List.of(value.subtract(step), value.add(step))) {
                String[] g = f.clone();
                g[1] = changed.toPlainString();
                String[] copy = lines.clone();
                copy[i] = String.join(",", g);
                out.add(new Mutant("parameter", f[0] + " " + f[1] + " -> " + g[1],
                        with(base, "parameters.csv", String.join("\n", copy))));
            }
        }
        return out;
    }

    static List<Mutant> operatorMutants(KnowledgeBaseFiles base) {
        List<Mutant> out = new ArrayList<>();
        for (var file : base.drl()) {
            String text = file.content();
            Matcher rule = RULE_BLOCK.matcher(text);
            while (rule.find()) {
                Matcher when = WHEN_THEN.matcher(text).region(rule.start(), rule.end());
                if (!when.find()) {
                    continue;
                }
                Matcher op = OPERATOR.matcher(text).region(when.start(1), when.end(1));
                while (op.find()) {
                    String before = text.substring(when.start(1), op.start());
                    if (PARAM_LOOKUP.matcher(before).find()) {
                        continue;
                    }
                    for (String replacement : replacements(op.group(1))) {
                        String mutated = text.substring(0, op.start()) + replacement + text.substring(op.end());
                        int line = text.substring(0, op.start()).split("\n", -1).length;
                        out.add(new Mutant("operator", file.name() + ":" + line + " \"" + rule.group(1) + "\" "
                                + op.group(1) + " -> " + replacement, with(base, file.name(), mutated)));
                    }
                }
            }
        }
        return out;
    }

    private static List<String> replacements(String operator) {
        return switch (operator) {
            case ">" -> List.of(">=", "<=");
            case ">=" -> List.of(">", "<");
            case "<" -> List.of("<=", ">=");
            case "<=" -> List.of("<", ">");
            case "==" -> List.of("!=");
            default -> List.of("==");
        };
    }

    static List<Mutant> ruleMutants(KnowledgeBaseFiles base) {
        List<Mutant> out = new ArrayList<>();
        for (var file : base.drl()) {
            Matcher rule = RULE_BLOCK.matcher(file.content());
            while (rule.find()) {
                String mutated = file.content().substring(0, rule.start()) + file.content().substring(rule.end());
                out.add(new Mutant("rule", file.name() + " without \"" + rule.group(1) + "\"",
                        with(base, file.name(), mutated)));
            }
        }
        return out;
    }

    static List<Mutant> valueSetMutants(KnowledgeBaseFiles base, int sample) {
        List<Mutant> all = new ArrayList<>();
        for (String file : List.of("conditions.csv", "medications.csv")) {
            String[] lines = base.files().get(file).split("\n", -1);
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank() || lines[i].startsWith("#")) {
                    continue;
                }
                List<String> copy = new ArrayList<>(List.of(lines));
                copy.remove(i);
                all.add(new Mutant("value-set", file + " without " + lines[i],
                        with(base, file, String.join("\n", copy))));
            }
        }
        if (sample < 0 || sample >= all.size()) {
            return all;
        }
        java.util.Collections.shuffle(all, new Random(20261202L));
        return all.subList(0, sample);
    }
}
