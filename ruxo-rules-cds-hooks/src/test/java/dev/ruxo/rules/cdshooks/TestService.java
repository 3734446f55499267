package dev.ruxo.rules.cdshooks;

import dev.ruxo.rules.CheckEngine;
import dev.ruxo.rules.RuxoRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

/** Starts the real service on a free loopback port for a test, with one engine shared by every test. */
final class TestService {

    private static CheckEngine engine;

    private TestService() {
    }

    static synchronized CheckEngine engine() {
        if (engine == null) {
            engine = RuxoRules.newEngine();
        }
        return engine;
    }

    /** A running service; {@code notices} holds what it said at start. */
    record Running(CdsHooksServer server, List<String> notices) implements AutoCloseable {
        URI url(String path) {
            return server.url().resolve(path);
        }

        @Override
        public void close() {
            server.close();
        }
    }

    static Running start(Path database, UnaryOperator<ServiceConfig.Builder> settings) {
        List<String> notices = Collections.synchronizedList(new ArrayList<>());
        ServiceConfig config = settings.apply(ServiceConfig.builder().port(0).database(database)).build();
        return new Running(CdsHooksServer.start(config, engine(), notices::add), notices);
    }

    static Running startWithoutAuth(Path database) {
        return start(database, b -> b.authDisabled(true));
    }

    /** An example hook request shipped with the try-it page. */
    static String example(String file) {
        try (InputStream in = TestService.class.getResourceAsStream("/dev/ruxo/rules/cdshooks/examples/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no example " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
