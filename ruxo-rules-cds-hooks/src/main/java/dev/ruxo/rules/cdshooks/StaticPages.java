package dev.ruxo.rules.cdshooks;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The try-it page and its example hook requests, read once from the jar; only these names are served. */
final class StaticPages {

    private static final String WEB = "/dev/ruxo/rules/cdshooks/web/";
    private static final String EXAMPLES = "/dev/ruxo/rules/cdshooks/examples/";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "json", "application/json");

    private final Map<String, byte[]> web = new LinkedHashMap<>();
    private final Map<String, byte[]> examples = new LinkedHashMap<>();
    private final byte[] exampleIndex;

    StaticPages() {
        for (String name : List.of("index.html", "app.js", "style.css")) {
            web.put(name, read(WEB + name));
        }
        exampleIndex = read(EXAMPLES + "index.json");
        String index = new String(exampleIndex, StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"file\"\\s*:\\s*\"([a-z0-9-]+\\.json)\"")
                .matcher(index);
        while (m.find()) {
            examples.put(m.group(1), read(EXAMPLES + m.group(1)));
        }
        if (examples.isEmpty()) {
            throw new IllegalStateException("the example index lists no examples");
        }
    }

    /** @return the example's bytes; throws when there is no such example */
    byte[] example(String name) {
        byte[] body = examples.get(name);
        if (body == null) {
            throw new IllegalArgumentException("no example " + name);
        }
        return body;
    }

    void serve(Context ctx, String name) {
        byte[] body = web.get(name);
        if (body == null) {
            notFound(ctx);
            return;
        }
        ctx.header("Cache-Control", "no-cache");
        ctx.header("Content-Security-Policy", "default-src 'self'; connect-src 'self'; img-src 'self' data:");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.status(200).contentType(TYPES.get(name.substring(name.lastIndexOf('.') + 1))).result(body);
    }

    void serveExampleIndex(Context ctx) {
        ctx.status(200).contentType(TYPES.get("json")).result(exampleIndex);
    }

    void serveExample(Context ctx, String name) {
        byte[] body = examples.get(name);
        if (body == null) {
            notFound(ctx);
            return;
        }
        ctx.status(200).contentType(TYPES.get("json")).result(body);
    }

    private static void notFound(Context ctx) {
        ctx.status(404).contentType("application/json").result(OperationOutcomes.of("not-found", "no such file"));
    }

    private static byte[] read(String resource) {
        try (InputStream in = StaticPages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
