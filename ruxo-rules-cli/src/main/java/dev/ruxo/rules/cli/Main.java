package dev.ruxo.rules.cli;

import dev.ruxo.rules.CheckEngine;
import dev.ruxo.rules.KnowledgeBaseInfo;
import dev.ruxo.rules.RuxoRules;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The {@code ruxo-rules} command-line tool: {@code check} assesses requests, {@code verify} checks a rules folder
 * against scenario files, {@code catalog} writes the rule catalogue. Run it with {@code --help} for the
 * commands, output formats and exit statuses (0 assessed, 1 internal error, 2 invalid input or wrong usage).
 *
 * @since 0.1.0
 */
public final class Main {

    /** The name the tool calls itself in messages. */
    static final String PROGRAM = "ruxo-rules";

    private Main() {
    }

    /**
     * Runs the tool and exits with its status. Output is UTF-8 whatever the platform encoding, because the JSON
     * Lines format is.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)), false,
                StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        // Exit status 0 says "every input was assessed". Code that ends the process before the run is over (a site
        // rule calling System.exit(0), allowed only with --allow-unsafe-rules) must not say so.
        // A service (serve) ends by a signal, and its own hook closes it; only runs with an end of their own count.
        AtomicBoolean finished = new AtomicBoolean(runsUntilStopped(args));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!finished.get()) {
                err.println(PROGRAM + ": the run was ended before it finished; its results are incomplete");
                err.flush();
                Runtime.getRuntime().halt(ExitStatus.INTERNAL_ERROR);
            }
        }, "ruxo-rules-unfinished-run"));
        int status;
        try {
            status = run(args, System.in, out, err, RuxoRules::newEngine);
        } catch (LinkageError e) {
            // Not Engines.describe: that class needs the project's jars, which may be what is missing.
            err.println(PROGRAM + ": " + Installation.describe(e));
            status = ExitStatus.INTERNAL_ERROR;
        }
        out.flush();
        if (out.checkError()) {
            status = outputLost(err, status);
        }
        err.flush();
        finished.set(true);
        System.exit(status);
    }

    /** Whether the command line names a command that runs until stopped; false when the tool's jars are missing. */
    private static boolean runsUntilStopped(String[] args) {
        try {
            Command command = args.length == 0 ? null : commands().get(args[0]);
            return command != null && command.runsUntilStopped();
        } catch (LinkageError e) {
            return false; // run() reports the missing jar
        }
    }

    /** Standard output could not be written (a full disk, a closed pipe): the results are lost, so never exit 0. */
    private static int outputLost(PrintStream err, int status) {
        err.println(PROGRAM + ": standard output could not be written (a full disk or a closed pipe?); "
                + "the results are lost");
        err.flush();
        return status == ExitStatus.OK ? ExitStatus.INTERNAL_ERROR : status;
    }

    /**
     * Runs the tool in process with the engine from {@link RuxoRules#newEngine()}, for embedding and tests.
     *
     * @param args the command line
     * @param in   standard input
     * @param out  standard output
     * @param err  standard error
     * @return the exit status: 0 every input assessed, 1 internal error, 2 invalid input or wrong usage
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return runChecked(args, in, out, err, RuxoRules::newEngine);
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Supplier<CheckEngine> engines) {
        Environment env = new Environment(in, out, err, engines);
        Map<String, Command> commands = commands();
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        String first = args.length == 0 ? null : args[0];
        try {
            if (first == null) {
                throw new UsageException("no command given");
            }
            switch (first) {
                case "-h", "--help", "help" -> {
                    return help(rest, commands, env);
                }
                case "--version" -> {
                    return version(env);
                }
                default -> {
                    Command command = commands.get(first);
                    if (command == null) {
                        throw new UsageException(first.startsWith("-")
                                ? "unknown option '" + first + "'"
                                : "unknown command '" + first + "'");
                    }
                    return command.run(rest, env);
                }
            }
        } catch (UsageException e) {
            err.println(PROGRAM + ": " + e.getMessage());
            err.print(usage(commands));
            err.println("Run '" + PROGRAM + " --help' for more.");
            err.flush();
            return ExitStatus.INVALID;
        } catch (RuntimeException e) {
            err.println(PROGRAM + ": internal error: " + Engines.describe(e));
            err.flush();
            return ExitStatus.INTERNAL_ERROR;
        } finally {
            out.flush();
        }
    }

    /**
     * Runs the tool in process and checks that standard output took everything: a run whose results could not be
     * written never reports success.
     */
    static int runChecked(String[] args, InputStream in, PrintStream out, PrintStream err,
                          Supplier<CheckEngine> engines) {
        int status = run(args, in, out, err, engines);
        out.flush();
        return out.checkError() ? outputLost(err, status) : status;
    }

    /** Every command, in the order help lists them. A new verb ({@code verify}, {@code catalog}) goes here. */
    private static Map<String, Command> commands() {
        Map<String, Command> commands = new LinkedHashMap<>();
        for (Command command : List.<Command>of(new CheckCommand(), new VerifyCommand(), new CatalogCommand(),
                new ServeCommand(), new FeedbackReportCommand())) {
            commands.put(command.name(), command);
        }
        return commands;
    }

    private static int help(List<String> args, Map<String, Command> commands, Environment env)
            throws UsageException {
        if (args.isEmpty()) {
            env.out().print(overview(commands));
        } else if (args.size() == 1 && commands.containsKey(args.get(0))) {
            env.out().print(commands.get(args.get(0)).help());
        } else {
            throw new UsageException("help takes at most one command name, one of " + commands.keySet());
        }
        return ExitStatus.OK;
    }

    private static String usage(Map<String, Command> commands) {
        StringBuilder text = new StringBuilder();
        String prefix = "Usage: ";
        for (Command command : commands.values()) {
            text.append(prefix).append(PROGRAM).append(' ').append(command.name()).append(' ')
                    .append(command.synopsis()).append('\n');
            prefix = "       ";
        }
        text.append(prefix).append(PROGRAM).append(" help [COMMAND] | --help | --version\n");
        return text.toString();
    }

    private static String overview(Map<String, Command> commands) {
        StringBuilder text = new StringBuilder(usage(commands));
        text.append("""

                Checks orders for ruxolitinib cream 1.5% (Opzelura) against its US label.
                Run as: java -jar ruxo-rules-cli.jar COMMAND ... (keep the lib/ folder beside the jar).

                Commands:
                """);
        for (Command command : commands.values()) {
            text.append(String.format("  %-9s %s%n", command.name(), command.summary()));
        }
        text.append(String.format("  %-9s %s%n", "help", "print this help, or the help of one command"));
        text.append("""

                Options:
                  -h, --help  print this help and exit
                  --version   print the tool and knowledge-base versions and exit

                Exit status:
                  0  every input was assessed, whatever the decision
                  1  internal error: the engine could not be built or failed on an input, the results
                     could not be written, or the run was ended before it finished
                  2  an input was invalid or unreadable, or the command line was wrong (usage error)

                A rules folder (--rules DIR) is code: its DRL runs inside this process with the same
                trust as the tool's own jars. Rules that halt the engine, delete facts, or reach
                System, threads, files or sockets are refused unless --allow-unsafe-rules is given.
                """);
        return text.toString();
    }

    private static int version(Environment env) {
        env.out().println(PROGRAM + " " + Version.tool());
        env.out().flush();
        Optional<CheckEngine> engine = Engines.build(env);
        if (engine.isEmpty()) {
            return ExitStatus.INTERNAL_ERROR;
        }
        KnowledgeBaseInfo kb = engine.get().knowledgeBase();
        env.out().println("knowledge base " + kb.version() + " (jurisdiction " + kb.jurisdiction()
                + ", label revision " + kb.labelRevision() + ")");
        return ExitStatus.OK;
    }
}
