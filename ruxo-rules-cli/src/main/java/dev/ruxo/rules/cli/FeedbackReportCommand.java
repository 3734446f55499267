package dev.ruxo.rules.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ruxo.rules.cdshooks.FeedbackStore;
import dev.ruxo.rules.cdshooks.FeedbackSummary;
import dev.ruxo.rules.cdshooks.InvalidConfigException;
import dev.ruxo.rules.cdshooks.ServiceConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code feedback-report [--database PATH] [--config FILE] [--format text|json]}: the CDS Hooks feedback report. */
final class FeedbackReportCommand implements Command {

    @Override
    public String name() {
        return "feedback-report";
    }

    @Override
    public String synopsis() {
        return "[--database PATH] [--config FILE] [--format text|json]";
    }

    @Override
    public String summary() {
        return "per rule: cards shown by the service, accepted, overridden, top override reasons";
    }

    @Override
    public String help() {
        return """
                Usage: %1$s feedback-report [--database PATH] [--config FILE] [--format text|json]

                Reads the feedback database of the CDS Hooks service (see '%1$s serve') and prints, per
                rule, how many cards the service showed, how many the clinicians accepted and overrode,
                and the most frequent override reasons. The same report is GET /feedback/summary of a
                running service. The database file is locked while the service runs: stop it first,
                or ask the running service.

                Options:
                  --database PATH  the database file (default ./ruxo-feedback.mv.db, or the config's)
                  --config FILE    the service's config file, for its database setting
                  --format FORMAT  text (default) or json

                Exit status: 0 printed, 1 the database could not be read, 2 no database at PATH or the
                command line was wrong.
                """.formatted(Main.PROGRAM);
    }

    @Override
    public int run(List<String> args, Environment env) throws UsageException {
        Path database = null;
        Path config = null;
        String format = "text";
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--database" -> database = Arguments.path("--database", args, ++i);
                case "--config" -> config = Arguments.path("--config", args, ++i);
                case "--format" -> {
                    if (++i >= args.size() || !List.of("text", "json").contains(args.get(i))) {
                        throw new UsageException("option --format needs text or json");
                    }
                    format = args.get(i);
                }
                case "-h", "--help" -> {
                    env.out().print(help());
                    return ExitStatus.OK;
                }
                default -> throw new UsageException("feedback-report: unknown argument '" + args.get(i) + "'");
            }
        }
        if (database == null) {
            try {
                database = (config == null ? ServiceConfig.builder() : ServiceConfig.read(config)).build().database();
            } catch (InvalidConfigException e) {
                env.err().println(Main.PROGRAM + ": the config file is wrong:");
                e.problems().forEach(p -> env.err().println("  " + p));
                return ExitStatus.INVALID;
            }
        }
        Path file = Path.of(database.toString().endsWith(".mv.db") ? database.toString() : database + ".mv.db");
        if (!Files.isRegularFile(file)) {
            env.err().println(Main.PROGRAM + ": no feedback database at " + file.toAbsolutePath()
                    + "; the service creates it on its first start");
            return ExitStatus.INVALID;
        }
        FeedbackSummary summary;
        try (FeedbackStore store = FeedbackStore.open(file)) {
            summary = store.summary();
        } catch (FeedbackStore.FeedbackStoreException e) {
            env.err().println(Main.PROGRAM + ": " + e.getMessage()
                    + " (a running service holds the file: ask it at GET /feedback/summary)");
            return ExitStatus.INTERNAL_ERROR;
        }
        if (format.equals("json")) {
            try {
                env.out().println(new ObjectMapper().writeValueAsString(summary));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            env.out().print(summary.toText());
        }
        return ExitStatus.OK;
    }
}
