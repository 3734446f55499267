package dev.ruxo.rules.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Completes a hook request's prefetch: every declared key the EHR left out (or answered with an OperationOutcome) is
 * read from the request's {@code fhirServer} with its bearer token, all at once, within a timeout. Thread safe.
 */
final class PrefetchFetcher {

    private static final Pattern TOKEN = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*}}");
    private static final int MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

    private final HttpClient client;
    private final ObjectMapper json;
    private final Duration timeout;

    PrefetchFetcher(ObjectMapper json, Duration timeout) {
        this.json = json;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Reads the missing prefetch keys from the request's FHIR server and puts them into its prefetch, in place.
     *
     * @param request  the hook request JSON
     * @param absent   the keys to fetch, with their templates
     * @param deadline the request's time budget ends here
     * @throws Missing naming the keys that could not be fetched
     */
    void fetch(ObjectNode request, Map<String, String> absent, Instant deadline) throws Missing {
        if (absent.isEmpty()) {
            return;
        }
        JsonNode given = request.get("prefetch");
        ObjectNode prefetch = given instanceof ObjectNode o ? o : request.putObject("prefetch");
        String server = request.path("fhirServer").asText("");
        String token = request.path("fhirAuthorization").path("access_token").asText("");
        if (server.isEmpty() || token.isEmpty()) {
            throw new Missing(List.copyOf(absent.keySet()), server.isEmpty()
                    ? "the request has no fhirServer to fetch them from"
                    : "the request has no fhirAuthorization access token to fetch them with");
        }
        URI base;
        try {
            base = URI.create(server.endsWith("/") ? server : server + "/");
            IssuerConfig.requireHttp("fhirServer", base);
        } catch (IllegalArgumentException e) {
            throw new Missing(List.copyOf(absent.keySet()), "fhirServer is not an http or https URL");
        }
        Map<String, CompletableFuture<HttpResponse<byte[]>>> calls = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        Duration left = Duration.between(Instant.now(), deadline);
        Duration limit = left.compareTo(timeout) < 0 ? left : timeout;
        if (limit.isNegative() || limit.isZero()) {
            throw new Missing(List.copyOf(absent.keySet()), "no time left to fetch them");
        }
        for (Map.Entry<String, String> key : absent.entrySet()) {
            String query = substitute(key.getValue(), request.path("context"));
            if (query == null) {
                failed.add(key.getKey());
                continue;
            }
            URI target;
            try {
                target = base.resolve(encodeIllegal(query));
            } catch (IllegalArgumentException e) {
                failed.add(key.getKey());
                continue;
            }
            HttpRequest get = HttpRequest.newBuilder(target)
                    .timeout(limit)
                    .header("Accept", "application/fhir+json")
                    .header("Authorization", "Bearer " + token)
                    .GET()
                    .build();
            calls.put(key.getKey(), client.sendAsync(get, HttpResponse.BodyHandlers.ofByteArray()));
        }
        long waitNanos = limit.toNanos();
        long start = System.nanoTime();
        for (Map.Entry<String, CompletableFuture<HttpResponse<byte[]>>> call : calls.entrySet()) {
            try {
                long remaining = Math.max(1, waitNanos - (System.nanoTime() - start));
                HttpResponse<byte[]> response = call.getValue().get(remaining, TimeUnit.NANOSECONDS);
                if (response.statusCode() != 200 || response.body().length > MAX_RESPONSE_BYTES) {
                    failed.add(call.getKey());
                    continue;
                }
                JsonNode body = json.readTree(response.body());
                if (body == null || !body.isObject() || "OperationOutcome".equals(body.path("resourceType").asText())) {
                    failed.add(call.getKey());
                    continue;
                }
                prefetch.set(call.getKey(), body);
            } catch (TimeoutException e) {
                call.getValue().cancel(true);
                failed.add(call.getKey());
            } catch (ExecutionException | IOException e) {
                failed.add(call.getKey());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.add(call.getKey());
            }
        }
        if (!failed.isEmpty()) {
            throw new Missing(failed, "the FHIR server did not answer them in time with a resource or Bundle");
        }
    }

    /**
     * Replaces the {@code {{context.x}}} tokens of a template with URL-encoded context values.
     *
     * @return the query, or null when a token has no value
     */
    static String substitute(String template, JsonNode context) {
        Matcher m = TOKEN.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            if (!name.startsWith("context.")) {
                return null;
            }
            JsonNode value = context.path(name.substring("context.".length()));
            if (!value.isTextual() || value.asText().isBlank()) {
                return null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(
                    java.net.URLEncoder.encode(value.asText(), java.nio.charset.StandardCharsets.UTF_8)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Percent-encodes what a URI may not hold literally (such as the {@code |} of a FHIR token search), keeping the
     * characters and escapes that are already valid.
     */
    static String encodeIllegal(String query) {
        StringBuilder out = new StringBuilder(query.length() + 16);
        for (byte b : query.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~:/?#[]@!$&'()*+,;=%".indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Prefetch keys that are missing and could not be fetched: the hook answers 412. */
    static final class Missing extends Exception {
        private static final long serialVersionUID = 1L;
        private final List<String> keys;

        Missing(List<String> keys, String why) {
            super("prefetch " + String.join(", ", keys) + " missing: " + why, null, false, false);
            this.keys = List.copyOf(keys);
        }

        List<String> keys() {
            return keys;
        }
    }
}
