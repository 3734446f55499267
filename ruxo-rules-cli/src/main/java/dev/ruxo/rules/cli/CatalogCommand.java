package dev.ruxo.rules.cli;

import dev.ruxo.rules.drools.DroolsCheckEngine;
import dev.ruxo.rules.drools.RuleCatalogue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@code catalog [--rules DIR] [--output FILE]}: writes the rule catalogue as Markdown. */
final class CatalogCommand implements Command {

    @Override
    public String name() {
        return "catalog";
    }

    @Override
    public String synopsis() {
        return "[--rules DIR] [--output FILE] [--allow-unsafe-rules]";
    }

    @Override
    public String summary() {
        return "write the rule catalogue (every rule, its thresholds and source) as Markdown";
    }

    @Override
    public String help() {
        return """
                Usage: %1$s catalog [--rules DIR] [--output FILE] [--allow-unsafe-rules]

                Generates the rule catalogue from the rules' metadata and the parameters: id, category,
                severity, what each rule checks, its thresholds, its source and whether it rests on an
                unverified fact. Prints it, or writes it to FILE. The repository keeps the built-in
                catalogue in docs/rule-catalogue.md, and a test fails when that file is out of date.

                Exit status: 0 written, 1 the knowledge base did not compile or FILE could not be
                written, 2 the command line was wrong.
                """.formatted(Main.PROGRAM);
    }

    @Override
    public int run(List<String> args, Environment env) throws UsageException {
        Path rules = null;
        boolean allowUnsafe = false;
        Path output = null;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--rules" -> rules = Arguments.folder("--rules", args, ++i);
                case "--allow-unsafe-rules" -> allowUnsafe = true;
                case "--output" -> output = Arguments.path("--output", args, ++i);
                case "-h", "--help" -> {
                    env.out().print(help());
                    return ExitStatus.OK;
                }
                default -> throw new UsageException("catalog: unknown argument '"
                        + dev.ruxo.rules.SafeText.cut(args.get(i), 60) + "'");
            }
        }
        Optional<DroolsCheckEngine> engine = Engines.drools(env, rules, allowUnsafe);
        if (engine.isEmpty()) {
            return ExitStatus.INTERNAL_ERROR;
        }
        String markdown = RuleCatalogue.markdown(engine.get());
        if (output == null) {
            env.out().print(markdown);
            return ExitStatus.OK;
        }
        try {
            Files.writeString(output, markdown, StandardCharsets.UTF_8);
        } catch (IOException e) {
            env.err().println(Main.PROGRAM + ": cannot write " + output + ": " + Engines.describe(e));
            return ExitStatus.INTERNAL_ERROR;
        }
        env.out().println("wrote " + output);
        return ExitStatus.OK;
    }
}
