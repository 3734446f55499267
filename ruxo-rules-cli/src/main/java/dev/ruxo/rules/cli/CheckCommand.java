package dev.ruxo.rules.cli;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.CheckEngine;
import dev.ruxo.rules.CheckFailedException;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.InvalidRequestException;
import dev.ruxo.rules.Violation;
import dev.ruxo.rules.json.WireFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code check [--format text|json] FILE...}: assesses each request file and prints one result per file. */
final class CheckCommand implements Command {

    private static final String STDIN = "-";

    private final WireFormat wire = WireFormat.create();
    private CdsHooksInput cdsHooks;

    @Override
    public String name() {
        return "check";
    }

    @Override
    public String synopsis() {
        return "[--format text|json] [--rules DIR] FILE...\n       " + Main.PROGRAM
                + " check --input cds-hooks [--format text|json|cards] [--rules DIR] FILE...";
    }

    @Override
    public String summary() {
        return "assess each JSON check request; '-' reads standard input";
    }

    @Override
    public String help() {
        return """
                Usage: %1$s check [--format text|json] [--rules DIR] FILE...
                       %1$s check --input cds-hooks [--format text|json|cards] [--rules DIR] FILE...

                Assesses each FILE, a check request in the JSON wire format, and prints one result
                per file in the order given. '-' reads a request from standard input.

                Options:
                  -f, --format text|json  text (default) is for people: the decision and the file name,
                                          then one line per finding (severity, category, rule, summary).
                                          json prints JSON Lines: one compact assessment per file, its
                                          first field "input" naming the file as given.
                  --input wire|cds-hooks  wire (default): each FILE is a request in the JSON wire format.
                                          cds-hooks: each FILE is a CDS Hooks order-select or order-sign
                                          request, its FHIR R4 prefetch inline (nothing is fetched); it
                                          is mapped as docs/fhir.md describes, then checked. A draft
                                          order bundle without a cream order has nothing to check.
                  --format cards          with --input cds-hooks: one line per file,
                                          {"input":...,"cards":[...]}, the CDS Hooks 2.0 cards a
                                          service would return; a check that cannot run for missing
                                          data (no Patient, no indication) gets a card saying so
                  --rules DIR             extend the built-in knowledge base with the rules and data
                                          files in DIR (see docs/authoring-rules.md)
                  -h, --help              print this help and exit
                  --                      treat every later argument as a file name

                An input that cannot be assessed gets an error in its place:
                  an invalid request, text that is not JSON, or a file that is missing or unreadable
                  (reported on the field "$"):
                    {"input":...,"error":"INVALID_REQUEST","violations":[{"field":...,"message":...}]}
                  an engine failure:
                    {"input":...,"error":"INTERNAL_ERROR","message":...}

                Exit status:
                  0  every file was assessed, whatever the decision
                  1  internal error: the engine could not be built, or failed on a file
                     (wins over 2 when both happen)
                  2  some input was invalid or unreadable, or the command line was wrong;
                     with --input cds-hooks also a FHIR value that cannot be mapped (each violation
                     names the resource and the element's FHIRPath) or data the check cannot run
                     without
                """.formatted(Main.PROGRAM);
    }

    @Override
    public int run(List<String> args, Environment env) throws UsageException {
        Options options = Options.parse(args);
        if (options.help()) {
            env.out().print(help());
            env.out().flush();
            return ExitStatus.OK;
        }
        Optional<? extends CheckEngine> engine = Engines.build(env, options.rules());
        if (engine.isEmpty()) {
            return ExitStatus.INTERNAL_ERROR;
        }
        Report report = options.cards() ? new Report.Cards(env.out(), wire)
                : options.json() ? new Report.JsonLines(env.out(), wire) : new Report.Text(env.out());
        List<Integer> statuses = new ArrayList<>();
        for (String input : options.files()) {
            if (options.cdsHooks()) {
                CdsHooksInput.Result result = assessCdsHooks(input, engine.get(), env);
                report.write(input, result.outcome(), result.cards());
                statuses.add(result.outcome().status());
                continue;
            }
            Outcome outcome = assess(input, engine.get(), env);
            report.write(input, outcome);
            statuses.add(outcome.status());
        }
        return Outcome.combine(statuses);
    }

    private Outcome assess(String input, CheckEngine engine, Environment env) {
        CheckRequest request;
        try {
            request = read(input, env);
        } catch (InvalidRequestException e) {
            return new Outcome.Invalid(e);
        }
        try {
            Assessment assessment = engine.check(request);
            return assessment == null
                    ? new Outcome.Failed("the engine returned no assessment")
                    : new Outcome.Assessed(assessment);
        } catch (InvalidRequestException e) {
            // The engine validates against its own today; a request without asOf can fail there only.
            return new Outcome.Invalid(e);
        } catch (CheckFailedException e) {
            return new Outcome.Failed(Engines.describe(e));
        } catch (RuntimeException | StackOverflowError e) {
            return new Outcome.Failed("unexpected failure in the engine: " + Engines.describe(e));
        }
    }

    private CdsHooksInput.Result assessCdsHooks(String input, CheckEngine engine, Environment env) {
        if (cdsHooks == null) {
            cdsHooks = new CdsHooksInput();
        }
        if (input.equals(STDIN)) {
            return cdsHooks.assess(env.in(), engine);
        }
        try (InputStream in = open(input)) {
            return cdsHooks.assess(in, engine);
        } catch (InvalidRequestException e) {
            return new CdsHooksInput.Result(new Outcome.Invalid(e), null);
        } catch (IOException e) {
            return new CdsHooksInput.Result(new Outcome.Invalid(unreadable(Engines.describe(e))), null);
        }
    }

    /** Opens a request file, or throws the violation that says why it cannot be read. */
    private static InputStream open(String input) {
        Path path;
        try {
            path = Path.of(input);
        } catch (InvalidPathException e) {
            throw unreadable("not a valid file name");
        }
        if (Files.isDirectory(path)) {
            throw unreadable("is a directory");
        }
        try {
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw unreadable("no such file");
        } catch (AccessDeniedException e) {
            throw unreadable("permission denied");
        } catch (IOException e) {
            throw unreadable(Engines.describe(e));
        }
    }

    private CheckRequest read(String input, Environment env) {
        if (input.equals(STDIN)) {
            return wire.readRequest(env.in());
        }
        try (InputStream in = open(input)) {
            return wire.readRequest(in);
        } catch (IOException e) {
            throw unreadable(Engines.describe(e));
        }
    }

    private static InvalidRequestException unreadable(String why) {
        return new InvalidRequestException(List.of(new Violation("$", "cannot read the input file: " + why)));
    }

    /** The parsed arguments of {@code check}. */
    record Options(boolean help, boolean json, Path rules, List<String> files, boolean cdsHooks, boolean cards) {

        static Options parse(List<String> args) throws UsageException {
            boolean json = false;
            boolean cdsHooks = false;
            boolean cards = false;
            Path rules = null;
            List<String> files = new ArrayList<>();
            boolean onlyFiles = false;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (onlyFiles || arg.equals(STDIN) || !arg.startsWith("-")) {
                    files.add(arg);
                } else if (arg.equals("--")) {
                    onlyFiles = true;
                } else if (arg.equals("-h") || arg.equals("--help")) {
                    return new Options(true, json, rules, files, cdsHooks, cards);
                } else if (arg.equals("-f") || arg.equals("--format")) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("option " + arg + " needs a value: text, json or cards");
                    }
                    String value = args.get(++i);
                    cards = value.equals("cards");
                    json = cards || format(arg, value);
                } else if (arg.equals("--input")) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("option --input needs a value: wire or cds-hooks");
                    }
                    cdsHooks = input(args.get(++i));
                } else if (arg.startsWith("--input=")) {
                    cdsHooks = input(arg.substring("--input=".length()));
                } else if (arg.equals("--rules")) {
                    rules = Arguments.folder(arg, args, ++i);
                } else if (arg.startsWith("--format=")) {
                    String value = arg.substring("--format=".length());
                    cards = value.equals("cards");
                    json = cards || format("--format", value);
                } else {
                    throw new UsageException("check: unknown option '" + arg + "'");
                }
            }
            if (files.isEmpty()) {
                throw new UsageException("check: no input files (use '-' for standard input)");
            }
            if (cards && !cdsHooks) {
                throw new UsageException("check: --format cards needs --input cds-hooks");
            }
            return new Options(false, json, rules, List.copyOf(files), cdsHooks, cards);
        }

        private static boolean input(String value) throws UsageException {
            return switch (value) {
                case "cds-hooks" -> true;
                case "wire" -> false;
                default -> throw new UsageException("option --input must be wire or cds-hooks, was '" + value + "'");
            };
        }

        private static boolean format(String option, String value) throws UsageException {
            return switch (value) {
                case "json" -> true;
                case "text" -> false;
                default -> throw new UsageException("option " + option + " must be text, json or cards, was '" + value + "'");
            };
        }
    }
}
