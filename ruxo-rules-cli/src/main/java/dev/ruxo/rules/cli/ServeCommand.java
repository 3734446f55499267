package dev.ruxo.rules.cli;

import dev.ruxo.rules.CheckEngine;
import dev.ruxo.rules.cdshooks.CdsHooksServer;
import dev.ruxo.rules.cdshooks.FeedbackStore;
import dev.ruxo.rules.cdshooks.InvalidConfigException;
import dev.ruxo.rules.cdshooks.ServiceConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** {@code serve [--port N] [--host ADDRESS] [--no-auth] [--config FILE] [--database PATH]}: runs the CDS Hooks service. */
final class ServeCommand implements Command {

    @Override
    public boolean runsUntilStopped() {
        return true;
    }

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String synopsis() {
        return "[--port N] [--host ADDRESS] [--no-auth] [--config FILE] [--database PATH]";
    }

    @Override
    public String summary() {
        return "run the CDS Hooks service (discovery, order-select, order-sign, feedback, try-it page)";
    }

    @Override
    public String help() {
        return """
                Usage: %1$s serve [--port N] [--host ADDRESS] [--no-auth] [--config FILE] [--database PATH]

                Runs the CDS Hooks 2.0 service until it is stopped (Ctrl-C or SIGTERM). Prints
                'listening on http://HOST:PORT' once it answers. Discovery is GET /cds-services, the
                try-it page is /, the feedback report GET /feedback/summary, health GET /health.

                Options (each overrides the same setting of the --config file):
                  --port N         port to listen on; 0 picks any free port (default 8080)
                  --host ADDRESS   address to bind to (default 127.0.0.1)
                  --no-auth        accept hook calls without a JWT; only on a loopback address, for local use
                  --config FILE    JSON settings: trusted issuers and their JWKS URLs, service URL,
                                   tenants, CORS origins, limits; see docs/cds-hooks.md
                  --database PATH  the feedback database file (default ./ruxo-feedback.mv.db)

                Without --no-auth and without a trusted issuer in the config, the service starts and
                refuses every hook call with 401.

                Exit status: 0 stopped, 1 could not start (port taken, database locked, engine failed),
                2 the command line or the config file was wrong.
                """.formatted(Main.PROGRAM);
    }

    @Override
    public int run(List<String> args, Environment env) throws UsageException {
        Path config = null;
        Integer port = null;
        String host = null;
        boolean noAuth = false;
        Path database = null;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--port" -> port = port(args, ++i);
                case "--host" -> {
                    if (++i >= args.size()) {
                        throw new UsageException("option --host needs a value");
                    }
                    host = args.get(i);
                }
                case "--no-auth" -> noAuth = true;
                case "--config" -> config = Arguments.path("--config", args, ++i);
                case "--database" -> database = Arguments.path("--database", args, ++i);
                case "-h", "--help" -> {
                    env.out().print(help());
                    return ExitStatus.OK;
                }
                default -> throw new UsageException("serve: unknown argument '" + args.get(i) + "'");
            }
        }
        ServiceConfig.Builder settings;
        try {
            settings = config == null ? ServiceConfig.builder() : ServiceConfig.read(config);
        } catch (InvalidConfigException e) {
            env.err().println(Main.PROGRAM + ": the config file is wrong:");
            e.problems().forEach(p -> env.err().println("  " + p));
            return ExitStatus.INVALID;
        }
        try {
            if (port != null) {
                settings.port(port);
            }
            if (host != null) {
                settings.host(host);
            }
            if (database != null) {
                settings.database(database);
            }
            settings.authDisabled(noAuth);
        } catch (IllegalArgumentException e) {
            throw new UsageException("serve: " + e.getMessage());
        }
        ServiceConfig settled = settings.build();
        if (settled.authDisabled() && !settled.loopbackOnly()) {
            env.err().println(Main.PROGRAM + ": --no-auth is refused: the service would bind to " + settled.host()
                    + ", which is not a loopback address");
            return ExitStatus.INVALID;
        }
        // The access log is the service's own INFO logging; the tool's defaults keep everything else at WARN.
        System.setProperty("org.slf4j.simpleLogger.log.dev.ruxo.rules.cdshooks", "info");
        CdsHooksServer server;
        try {
            server = CdsHooksServer.start(settled, () -> {
                Optional<CheckEngine> engine = Engines.build(env);
                return engine.orElseThrow(NoEngine::new);
            }, env.err()::println);
        } catch (NoEngine e) {
            return ExitStatus.INTERNAL_ERROR; // Engines.build said why
        } catch (IllegalStateException | FeedbackStore.FeedbackStoreException e) {
            env.err().println(Main.PROGRAM + ": the service could not start: " + Engines.describe(e));
            return ExitStatus.INTERNAL_ERROR;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "ruxo-serve-shutdown"));
        env.out().println("listening on " + server.url());
        env.out().flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
        return ExitStatus.OK;
    }

    /** The engine could not be built; the message is already on standard error. */
    private static final class NoEngine extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoEngine() {
            super(null, null, false, false);
        }
    }

    private static int port(List<String> args, int index) throws UsageException {
        if (index >= args.size()) {
            throw new UsageException("option --port needs a value");
        }
        try {
            int port = Integer.parseInt(args.get(index));
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException("option --port needs a number from 0 to 65535, and '" + args.get(index)
                    + "' is not one");
        }
    }
}
