package dev.ruxo.rules.cdshooks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 for the service to call in tests: it stands for an EHR's FHIR server or JWKS
 * endpoint. Answers fixed bodies by path (the query is recorded, not matched), records what it was asked.
 */
final class LoopbackHttpServer implements AutoCloseable {

    /** One request the server received. */
    record Received(String pathAndQuery, String authorization, String accept) {
    }

    private record Answer(int status, String body, long delayMillis) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    LoopbackHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            URI uri = exchange.getRequestURI();
            String key = uri.getRawPath();
            received.add(new Received(key + (uri.getRawQuery() == null ? "" : "?" + uri.getQuery()),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Accept")));
            Answer answer = answers.getOrDefault(key, new Answer(404,
                    "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"not-found\"}]}",
                    0));
            try {
                if (answer.delayMillis() > 0) {
                    Thread.sleep(answer.delayMillis());
                }
                byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
                exchange.sendResponseHeaders(answer.status(), body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the service gave up waiting; nothing to answer
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** Answers {@code body} with 200 at {@code path}. */
    LoopbackHttpServer answer(String path, String body) {
        answers.put(path, new Answer(200, body, 0));
        return this;
    }

    /** Answers {@code body} with {@code status} after {@code delayMillis} at {@code path}. */
    LoopbackHttpServer answer(String path, int status, String body, long delayMillis) {
        answers.put(path, new Answer(status, body, delayMillis));
        return this;
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
