package dev.ruxo.rules.cli;

import dev.ruxo.rules.RuleMessage;
import dev.ruxo.rules.drools.DroolsCheckEngine;
import dev.ruxo.rules.testkit.Scenario;
import dev.ruxo.rules.testkit.Scenarios;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code verify [--rules DIR] [--scenarios DIR]}: compiles the knowledge base, prints its lint warnings, runs every
 * scenario file and closes with {@code N passed, M failed}.
 */
final class VerifyCommand implements Command {

    @Override
    public String name() {
        return "verify";
    }

    @Override
    public String synopsis() {
        return "[--rules DIR] [--scenarios DIR] [--allow-unsafe-rules]";
    }

    @Override
    public String summary() {
        return "compile and lint a rules folder, then run scenario files against it";
    }

    @Override
    public String help() {
        return """
                Usage: %1$s verify [--rules DIR] [--scenarios DIR] [--allow-unsafe-rules]

                Compiles the built-in knowledge base, extended by the rules and data files in
                --rules DIR when given, and prints every compilation problem as file:line:column: text.
                Then prints warnings (parameters or value sets that no rule uses, parameters that
                loosen a label limit, folder entries that were not read), runs every
                *.json scenario file below --scenarios DIR (see docs/authoring-rules.md for the
                format), prints PASS or FAIL per scenario with the reasons, and closes with the line
                'N passed, M failed'.

                A rules folder is code: its DRL runs in this process with the same trust as the
                tool's own jars. DRL that halts the engine, deletes facts, or reaches System,
                threads, files or sockets is refused unless --allow-unsafe-rules is given.

                Exit status:
                  0  the knowledge base compiled and every scenario passed
                  1  the knowledge base did not compile, or a scenario failed
                  2  the command line was wrong
                """.formatted(Main.PROGRAM);
    }

    @Override
    public int run(List<String> args, Environment env) throws UsageException {
        Path rules = null;
        boolean allowUnsafe = false;
        Path scenarios = null;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--rules" -> rules = Arguments.folder("--rules", args, ++i);
                case "--allow-unsafe-rules" -> allowUnsafe = true;
                case "--scenarios" -> scenarios = Arguments.folder("--scenarios", args, ++i);
                case "-h", "--help" -> {
                    env.out().print(help());
                    return ExitStatus.OK;
                }
                default -> throw new UsageException("verify: unknown argument '"
                        + dev.ruxo.rules.SafeText.cut(args.get(i), 60) + "'");
            }
        }
        Optional<DroolsCheckEngine> built = Engines.drools(env, rules, allowUnsafe);
        if (built.isEmpty()) {
            env.out().println("0 passed, 1 failed");
            return ExitStatus.INTERNAL_ERROR;
        }
        DroolsCheckEngine engine = built.get();
        env.out().println("compiled knowledge base " + engine.knowledgeBase().version()
                + (rules == null ? "" : " (built-in extended by " + rules + ")"));
        for (RuleMessage warning : engine.knowledgeBaseWarnings()) {
            env.out().println("warning: " + dev.ruxo.rules.SafeText.clean(warning.toString()));
        }
        int passed = 0;
        int failed = 0;
        for (Outcome o : scenarios == null ? List.<Outcome>of() : run(scenarios, engine)) {
            if (o.problems().isEmpty()) {
                passed++;
                env.out().println("PASS  " + dev.ruxo.rules.SafeText.clean(o.name()));
            } else {
                failed++;
                env.out().println("FAIL  " + dev.ruxo.rules.SafeText.clean(o.name()));
                o.problems().forEach(p -> p.lines().forEach(l -> env.out().println("      "
                        + dev.ruxo.rules.SafeText.clean(l))));
            }
        }
        env.out().println(passed + " passed, " + failed + " failed");
        return failed == 0 ? ExitStatus.OK : ExitStatus.INTERNAL_ERROR;
    }

    private record Outcome(String name, List<String> problems) {
    }

    private static List<Outcome> run(Path folder, DroolsCheckEngine engine) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Path file : Scenarios.files(folder)) {
            String name = folder.relativize(file).toString();
            try {
                Scenario scenario = Scenarios.read(file);
                outcomes.add(new Outcome(name, scenario.mismatches(engine)));
            } catch (IllegalArgumentException e) {
                outcomes.add(new Outcome(name, List.of("not a valid scenario: " + e.getMessage())));
            } catch (RuntimeException e) {
                outcomes.add(new Outcome(name, List.of("the engine failed: " + Engines.describe(e))));
            }
        }
        return outcomes;
    }
}
