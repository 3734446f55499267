package dev.ruxo.rules.benchmarks;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.CheckEngine;
import dev.ruxo.rules.drools.DroolsCheckEngine;
import dev.ruxo.rules.drools.facts.Findings;
import dev.ruxo.rules.drools.internal.CompiledKnowledgeBase;
import dev.ruxo.rules.drools.internal.FactBuilder;
import dev.ruxo.rules.drools.internal.KnowledgeBaseFiles;
import dev.ruxo.rules.drools.internal.KnowledgeBaseLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kie.api.runtime.StatelessKieSession;

/**
 * Cold start, measured in fresh JVMs: the time from {@code main} to the first assessment (engine construction plus
 * the first check), and what the JVM spent before {@code main}. JMH cannot measure a one-off like this, so the runner
 * starts a new JVM per run, on the same class path, and reports the minimum, median and maximum.
 *
 * <pre>
 * java -cp ruxo-rules-benchmarks/target/ruxo-rules-benchmarks.jar dev.ruxo.rules.benchmarks.ColdStart --runs 7
 * java -cp ruxo-rules-benchmarks/target/ruxo-rules-benchmarks.jar dev.ruxo.rules.benchmarks.ColdStart --runs 7 --phases
 * java -cp ruxo-rules-benchmarks/target/ruxo-rules-benchmarks.jar dev.ruxo.rules.benchmarks.ColdStart --runs 7 \
 *     --phases --drl
 * java -cp ruxo-rules-benchmarks/target/ruxo-rules-benchmarks.jar dev.ruxo.rules.benchmarks.ColdStart --runs 7 \
 *     --jvm-arg -XX:TieredStopAtLevel=1
 * </pre>
 *
 * <p>{@code --phases} replays the engine's construction step by step instead (reading the files, loading the
 * precompiled rules, the first session), so the total splits into its parts; {@code --phases --drl} does the same but
 * compiles the DRL, as the engine does when a rules folder changes it. {@code --jvm-arg} passes an option to every
 * child JVM. {@code --once} is what each child runs: one measurement, printed as one line of {@code name=ms} pairs.
 */
public final class ColdStart {

    private ColdStart() {
    }

    /**
     * Runs the measurement.
     *
     * @param args see the class documentation
     * @throws Exception when a child JVM cannot be run
     */
    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args);
        boolean phases = options.contains("--phases");
        if (options.contains("--once")) {
            System.out.println(format(phases ? phases(options.contains("--drl")) : once()));
            return;
        }
        int runs = 5;
        List<String> jvmArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--runs")) {
                runs = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--jvm-arg")) {
                jvmArgs.add(args[++i]);
            }
        }
        List<Map<String, Double>> results = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            results.add(child(jvmArgs, phases, options.contains("--drl")));
            System.err.println("run " + (run + 1) + ": " + format(results.get(run)));
        }
        System.out.println("Cold start over " + runs + " fresh JVMs" + (jvmArgs.isEmpty() ? "" : " with " + jvmArgs)
                + ", ms (min / median / max):");
        for (String key : results.get(0).keySet()) {
            double[] values = results.stream().mapToDouble(r -> r.get(key)).sorted().toArray();
            System.out.printf(Locale.ROOT, "  %-28s %8.0f %8.0f %8.0f%n", key, values[0], values[values.length / 2],
                    values[values.length - 1]);
        }
    }

    /** One cold start of the engine as a user builds it. */
    private static Map<String, Double> once() {
        double beforeMain = ManagementFactory.getRuntimeMXBean().getUptime();
        long start = System.nanoTime();
        CheckEngine engine = DroolsCheckEngine.builder().build();
        long built = System.nanoTime();
        Assessment first = engine.check(Requests.typical());
        long checked = System.nanoTime();
        if (first.findings().isEmpty()) {
            throw new IllegalStateException("the typical request should have findings");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("jvmStartToMain", beforeMain);
        out.put("buildEngine", ms(built - start));
        out.put("firstCheck", ms(checked - built));
        out.put("mainToFirstAssessment", ms(checked - start));
        out.put("jvmStartToFirstAssessment", beforeMain + ms(checked - start));
        return out;
    }

    /**
     * The engine's construction replayed step by step, then a second load in the same JVM.
     *
     * @param drl compile the DRL instead of loading the precompiled rules
     */
    private static Map<String, Double> phases(boolean drl) {
        long t0 = System.nanoTime();
        KnowledgeBaseFiles files = KnowledgeBaseFiles.builtIn();
        long t1 = System.nanoTime();
        CompiledKnowledgeBase kb = KnowledgeBaseLoader.load(files, !drl);
        long t2 = System.nanoTime();
        if (kb.precompiled() == drl) {
            throw new IllegalStateException(drl ? "the DRL was not compiled" : "the precompiled rules are missing");
        }
        List<Object> facts = new FactBuilder(kb).facts(Requests.typical(), Requests.AS_OF);
        long t3 = System.nanoTime();
        StatelessKieSession session = kb.kieBase().newKieSessionsPool(1).newStatelessKieSession();
        Findings sink = new Findings(kb.rules(), kb.labelTitle(), kb.labelUrl());
        session.setGlobal("findings", sink);
        session.execute(facts);
        Assessment.of(sink.list(), kb.info());
        long t4 = System.nanoTime();
        KnowledgeBaseLoader.load(files, !drl);
        long t5 = System.nanoTime();
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("readFiles", ms(t1 - t0));
        out.put(drl ? "compileDrl" : "loadPrecompiled", ms(t2 - t1));
        out.put("firstFactBuilding", ms(t3 - t2));
        out.put("firstSession", ms(t4 - t3));
        out.put("mainToFirstAssessment", ms(t4 - t0));
        out.put("secondLoadSameJvm", ms(t5 - t4));
        return out;
    }

    private static Map<String, Double> child(List<String> jvmArgs, boolean phases, boolean drl) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ColdStart.class.getName());
        command.add("--once");
        if (phases) {
            command.add("--phases");
        }
        if (drl) {
            command.add("--drl");
        }
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            line = out.readLine();
        }
        int status = process.waitFor();
        if (status != 0 || line == null) {
            throw new IllegalStateException("the child JVM failed with status " + status);
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (String pair : line.trim().split(" ")) {
            String[] kv = pair.split("=");
            values.put(kv[0], Double.parseDouble(kv[1]));
        }
        return values;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String format(Map<String, Double> values) {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=')
                .append(String.format(Locale.ROOT, "%.1f", v)));
        return sb.toString();
    }
}
