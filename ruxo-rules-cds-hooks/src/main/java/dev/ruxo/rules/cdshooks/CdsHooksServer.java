package dev.ruxo.rules.cdshooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruxo.rules.CheckEngine;
import dev.ruxo.rules.fhir.CdsHooksRequest;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CDS Hooks service: discovery at {@code GET /cds-services}, the hooks at {@code POST /cds-services/{id}}, their
 * feedback at {@code POST /cds-services/{id}/feedback}, the report at {@code GET /feedback/summary}, health at
 * {@code GET /health}, and the try-it page at {@code /}. Start it with {@link #start}; close it to stop.
 *
 * <pre>{@code
 * try (CdsHooksServer server = CdsHooksServer.start(ServiceConfig.builder().port(0).build(),
 *         RuxoRules.newEngine(), System.err::println)) {
 *     System.out.println("listening on " + server.url());
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class CdsHooksServer implements AutoCloseable {

    /** The id of the order-select service. */
    public static final String ORDER_SELECT = "ruxolitinib-cream-order-select";
    /** The id of the order-sign service. */
    public static final String ORDER_SIGN = "ruxolitinib-cream-order-sign";

    private static final Logger LOG = LoggerFactory.getLogger(CdsHooksServer.class);
    private static final Logger ACCESS = LoggerFactory.getLogger("dev.ruxo.rules.cdshooks.access");
    private static final String JSON_TYPE = "application/json";
    private static final Map<String, String> HOOKS = Map.of(ORDER_SELECT, "order-select", ORDER_SIGN, "order-sign");

    private final ServiceConfig config;
    private final ObjectMapper json = new ObjectMapper();
    private final HookEvaluator evaluator;
    private final FeedbackStore feedback;
    private final JwtAuthenticator auth;
    private final PrefetchFetcher fetcher;
    private final ThreadPoolExecutor workers;
    private final StaticPages pages;
    private final Clock clock;
    private final byte[] discovery;
    private final Set<String> hiddenOnSelect;
    private Javalin app;
    private URI url;

    private CdsHooksServer(ServiceConfig config, HookEvaluator evaluator, FeedbackStore feedback, Clock clock) {
        this.config = config;
        this.evaluator = evaluator;
        this.feedback = feedback;
        this.clock = clock;
        this.auth = new JwtAuthenticator(config.issuers(), config.tenants(), config.clockSkew(),
                config.fhirTimeout(), clock);
        this.fetcher = new PrefetchFetcher(json, config.fhirTimeout());
        this.hiddenOnSelect = Set.copyOf(config.orderSelectHidden());
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(config.workers(), config.workers(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(1024), r -> {
                    Thread t = new Thread(r, "ruxo-hook-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.pages = new StaticPages();
        this.discovery = bytes(discoveryDocument());
    }

    /**
     * Starts the service with the built-in FHIR mapping and card rendering.
     *
     * @param config  how to run
     * @param engine  the engine that checks; shared, thread safe
     * @param notices receives the start-up notices meant for the operator (warnings about authentication)
     * @return the running service
     * @throws IllegalStateException when {@code --no-auth} is asked for on a non-loopback address, or the port is
     *                               taken
     * @throws FeedbackStore.FeedbackStoreException when the feedback database cannot be opened
     */
    public static CdsHooksServer start(ServiceConfig config, CheckEngine engine, Consumer<String> notices) {
        Objects.requireNonNull(engine, "engine must not be null");
        return start(config, () -> engine, notices);
    }

    /**
     * Starts the service, building the engine while the FHIR context loads and the feedback database opens, for the
     * shortest start.
     *
     * @param config  how to run
     * @param engines builds the engine that checks (called once, on the calling thread)
     * @param notices receives the start-up notices meant for the operator (warnings about authentication)
     * @return the running service
     * @throws IllegalStateException when {@code --no-auth} is asked for on a non-loopback address, or the port is
     *                               taken
     * @throws FeedbackStore.FeedbackStoreException when the feedback database cannot be opened
     */
    public static CdsHooksServer start(ServiceConfig config, java.util.function.Supplier<? extends CheckEngine> engines,
                                       Consumer<String> notices) {
        Objects.requireNonNull(config, "config must not be null");
        Objects.requireNonNull(engines, "engines must not be null");
        Objects.requireNonNull(notices, "notices must not be null");
        if (config.authDisabled() && !config.loopbackOnly()) {
            throw new IllegalStateException("--no-auth is only allowed when the service binds to a loopback address,"
                    + " and host is " + config.host());
        }
        Clock clock = Clock.systemUTC();
        java.util.concurrent.ExecutorService boot = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "ruxo-serve-start");
            t.setDaemon(true);
            return t;
        });
        long t0 = System.nanoTime();
        long[] done = new long[2];
        try {
            Future<FeedbackStore> store = boot.submit(() -> {
                FeedbackStore opened = FeedbackStore.open(config.database(), clock);
                done[0] = System.nanoTime();
                return opened;
            });
            Future<?> fhir = boot.submit(() -> {
                HookEvaluator.loadFhir();
                done[1] = System.nanoTime();
            });
            CheckEngine engine;
            try {
                engine = Objects.requireNonNull(engines.get(), "the engine supplier returned null");
            } catch (RuntimeException e) {
                closeQuietly(store);
                throw e;
            }
            long engineDone = System.nanoTime();
            FeedbackStore opened = join(store);
            try {
                join(fhir);
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
            long parallel = System.nanoTime();
            CdsHooksServer server = start(config, new HookEvaluator(engine), opened, notices, clock);
            LOG.info("started in {} ms: engine {} ms, FHIR context {} ms and database {} ms alongside it,"
                    + " then warm-up and HTTP {} ms", ms(System.nanoTime() - t0), ms(engineDone - t0),
                    ms(done[1] - t0), ms(done[0] - t0), ms(System.nanoTime() - parallel));
            return server;
        } finally {
            boot.shutdown();
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void closeQuietly(Future<FeedbackStore> store) {
        try {
            store.get().close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException e) {
            // the start failed already; this failure adds nothing
        }
    }

    static CdsHooksServer start(ServiceConfig config, HookEvaluator evaluator, FeedbackStore store,
                                Consumer<String> notices, Clock clock) {
        CdsHooksServer server = new CdsHooksServer(config, evaluator, store, clock);
        try {
            server.warmUp();
            server.startHttp();
        } catch (RuntimeException e) {
            server.close();
            throw new IllegalStateException("cannot listen on " + config.host() + ":" + config.port() + ": "
                    + e.getMessage(), e);
        }
        if (config.authDisabled()) {
            String warning = "WARNING: authentication is off (--no-auth): any local program can call the hooks;"
                    + " use this for local testing only";
            LOG.warn(warning);
            notices.accept(warning);
        } else if (!server.auth.hasIssuers()) {
            String warning = "WARNING: no trusted issuer is configured: every hook call will be refused with 401"
                    + " (discovery stays open); add issuers to the --config file, see docs/cds-hooks.md";
            LOG.warn(warning);
            notices.accept(warning);
        }
        return server;
    }

    /** @return the port the service listens on */
    public int port() {
        return app.port();
    }

    /** @return the local address, such as {@code http://127.0.0.1:8080} */
    public URI url() {
        return url;
    }

    /** @return the feedback database of this service */
    public FeedbackStore feedback() {
        return feedback;
    }

    /** Stops listening, finishes the checks under way, flushes and closes the feedback database. */
    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
        workers.shutdown();
        try {
            workers.awaitTermination(config.timeBudget().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        feedback.close();
    }

    /**
     * Runs the shipped complete order-sign example through parsing, mapping, the check and the cards once, so that
     * the FHIR context, the engine and the JIT are ready before the first EHR call counts against its time budget.
     */
    private void warmUp() {
        try {
            ObjectNode example = (ObjectNode) json.readTree(pages.example("order-sign-complete.json"));
            evaluator.evaluate(evaluator.parse(example), Set.of());
        } catch (IOException | HookEvaluator.BadRequest e) {
            throw new IllegalStateException("the shipped example does not parse: " + e.getMessage(), e);
        }
    }

    private void startHttp() {
        app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.http.maxRequestSize = config.bodyLimitBytes();
            c.jetty.host = config.host();
            c.jetty.port = config.port();
            if (!config.corsOrigins().isEmpty()) {
                c.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                    if (config.corsOrigins().contains("*")) {
                        rule.anyHost();
                    } else {
                        String first = config.corsOrigins().get(0);
                        rule.allowHost(first, config.corsOrigins().subList(1, config.corsOrigins().size())
                                .toArray(String[]::new));
                    }
                }));
            }
            c.requestLogger.http(this::logAccess);
            c.routes.get("/cds-services", ctx -> send(ctx, 200, discovery));
            c.routes.post("/cds-services/{id}", this::hook);
            c.routes.post("/cds-services/{id}/feedback", this::feedbackCall);
            c.routes.get("/feedback/summary", this::summary);
            c.routes.get("/health", this::health);
            c.routes.get("/", ctx -> pages.serve(ctx, "index.html"));
            c.routes.get("/assets/{file}", ctx -> pages.serve(ctx, ctx.pathParam("file")));
            c.routes.get("/examples", ctx -> pages.serveExampleIndex(ctx));
            c.routes.get("/examples/{file}", ctx -> pages.serveExample(ctx, ctx.pathParam("file")));
            c.routes.exception(Exception.class, (e, ctx) -> {
                // database messages carry SQL, never request content; other exceptions are named only
                LOG.error("request failed: {}", e instanceof FeedbackStore.FeedbackStoreException
                        ? e.getMessage() : e.getClass().getName());
                send(ctx, 500, OperationOutcomes.of("exception", "internal error; the order was not checked"));
            });
            c.routes.error(404, "*", ctx -> {
                // our own 404s already carry an OperationOutcome; Javalin's own (no route) is plain text
                String type = ctx.res().getContentType();
                if (type == null || !type.startsWith(JSON_TYPE)) {
                    send(ctx, 404, OperationOutcomes.of("not-found", "no such endpoint"));
                }
            });
            c.routes.error(405, "*", ctx -> send(ctx, 405, OperationOutcomes.of("not-supported",
                    "method not allowed")));
        });
        app.start();
        url = URI.create("http://" + (config.host().contains(":") ? "[" + config.host() + "]" : config.host()) + ":"
                + app.port());
    }

    private URI serviceUrl() {
        return config.serviceUrl() != null ? config.serviceUrl() : url;
    }

    // --- hooks ---

    private void hook(Context ctx) {
        long start = System.nanoTime();
        String id = ctx.pathParam("id");
        String hook = HOOKS.get(id);
        byte[] body = serviceCall(ctx, id);
        if (body == null) {
            return;
        }
        ObjectNode request = parseHookRequest(ctx, body, hook);
        if (request == null) {
            return;
        }
        Instant deadline = Instant.now().plus(config.timeBudget());
        Set<String> hidden = hook.equals("order-select") ? hiddenOnSelect : Set.of();
        long[] workerNanos = new long[2];
        Callable<HookEvaluator.Evaluation> work = () -> {
            workerNanos[0] = System.nanoTime();
            try {
                return evaluate(request, hidden, deadline);
            } finally {
                workerNanos[1] = System.nanoTime();
            }
        };
        HookEvaluator.Evaluation evaluation;
        try {
            evaluation = withinBudget(work, deadline);
        } catch (PrefetchFetcher.Missing e) {
            ctx.attribute("outcome", "prefetch-missing");
            send(ctx, 412, OperationOutcomes.of("incomplete", e.getMessage()));
            return;
        } catch (HookEvaluator.BadRequest e) {
            ctx.attribute("outcome", "bad-request");
            send(ctx, 400, OperationOutcomes.of("invalid", e.problems()));
            return;
        } catch (TimeoutException e) {
            ctx.attribute("outcome", "timeout");
            send(ctx, 503, OperationOutcomes.of("timeout", "the check did not finish within "
                    + config.timeBudget().toMillis() + " ms; the order was not checked"));
            return;
        } catch (RejectedExecutionException e) {
            ctx.attribute("outcome", "overloaded");
            send(ctx, 503, OperationOutcomes.of("throttled", "too many checks waiting; the order was not checked"));
            return;
        }
        Instant now = clock.instant();
        List<FeedbackStore.ShownCard> shown = new ArrayList<>();
        for (HookEvaluator.CardRecord card : evaluation.shown()) {
            shown.add(new FeedbackStore.ShownCard(card.uuid(), card.ruleId(), id, card.indicator(), now));
        }
        feedback.recordShown(shown);
        ObjectNode response = json.createObjectNode();
        response.set("cards", evaluation.cards());
        ctx.attribute("outcome", evaluation.outcome());
        ctx.attribute("cards", evaluation.cards().size());
        // queue: waiting for a worker; app: parse, fetch, map, check and cards on the worker; total: the handler
        ctx.header("Server-Timing", String.format(java.util.Locale.ROOT, "queue;dur=%.3f, app;dur=%.3f, total;dur=%.3f",
                (workerNanos[0] - start) / 1e6, (workerNanos[1] - workerNanos[0]) / 1e6,
                (System.nanoTime() - start) / 1e6));
        send(ctx, 200, bytes(response));
    }

    private HookEvaluator.Evaluation evaluate(ObjectNode request, Set<String> hidden, Instant deadline)
            throws HookEvaluator.BadRequest, PrefetchFetcher.Missing {
        CdsHooksRequest parsed = evaluator.parse(request);
        Map<String, String> missing = evaluator.missing(parsed);
        if (!missing.isEmpty()) {
            fetcher.fetch(request, missing, deadline);
            parsed = evaluator.parse(request);
            List<String> still = List.copyOf(evaluator.missing(parsed).keySet());
            if (!still.isEmpty()) {
                throw new PrefetchFetcher.Missing(still, "the FHIR server's answers hold no resource of their type");
            }
        }
        return evaluator.evaluate(parsed, hidden);
    }

    private <T> T withinBudget(Callable<T> work, Instant deadline) throws PrefetchFetcher.Missing,
            HookEvaluator.BadRequest, TimeoutException {
        Future<T> future = workers.submit(work);
        try {
            long nanos = Math.max(1, java.time.Duration.between(Instant.now(), deadline).toNanos());
            return future.get(nanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw e;
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new TimeoutException("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof PrefetchFetcher.Missing m) {
                throw m;
            }
            if (cause instanceof HookEvaluator.BadRequest u) {
                throw u;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        }
    }

    private ObjectNode parseHookRequest(Context ctx, byte[] body, String hook) {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (IOException e) {
            send(ctx, 400, OperationOutcomes.of("structure", "the body is not JSON"
                    + (e instanceof JsonProcessingException p && p.getLocation() != null
                    ? " (line " + p.getLocation().getLineNr() + ", column " + p.getLocation().getColumnNr() + ")"
                    : "")));
            return null;
        }
        if (node == null || !node.isObject()) {
            send(ctx, 400, OperationOutcomes.of("structure", "the body must be a JSON object"));
            return null;
        }
        if (!hook.equals(node.path("hook").asText())) {
            send(ctx, 400, OperationOutcomes.of("invalid", "hook: must be '" + hook + "' for this service"));
            return null;
        }
        return (ObjectNode) node;
    }

    // --- feedback ---

    private void feedbackCall(Context ctx) {
        String id = ctx.pathParam("id");
        byte[] body = serviceCall(ctx, id);
        if (body == null) {
            return;
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (IOException e) {
            send(ctx, 400, OperationOutcomes.of("structure", "the body is not JSON"));
            return;
        }
        List<String> problems = new ArrayList<>();
        List<FeedbackEntry> entries = new ArrayList<>();
        JsonNode items = node == null ? null : node.get("feedback");
        if (items == null || !items.isArray() || items.isEmpty()) {
            problems.add("feedback: required, a non-empty array");
        } else {
            for (int i = 0; i < items.size(); i++) {
                entries.add(feedbackEntry(id, items.get(i), "feedback[" + i + "]", problems));
            }
        }
        if (!problems.isEmpty()) {
            send(ctx, 400, OperationOutcomes.of("invalid", problems));
            return;
        }
        feedback.store(entries);
        ctx.attribute("outcome", "stored " + entries.size());
        send(ctx, 200, bytes(json.createObjectNode()));
    }

    private static FeedbackEntry feedbackEntry(String serviceId, JsonNode item, String at, List<String> problems) {
        String card = item.path("card").asText("");
        String outcome = item.path("outcome").asText("");
        if (card.isBlank() || card.length() > 100) {
            problems.add(at + ".card: required, a card uuid");
        }
        if (!outcome.equals("accepted") && !outcome.equals("overridden")) {
            problems.add(at + ".outcome: must be 'accepted' or 'overridden'");
        }
        JsonNode reason = item.path("overrideReason").path("reason");
        String comment = item.path("overrideReason").path("userComment").asText(null);
        if (comment != null && comment.length() > 2000) {
            problems.add(at + ".overrideReason.userComment: at most 2000 characters");
        }
        List<String> accepted = new ArrayList<>();
        for (JsonNode s : item.path("acceptedSuggestions")) {
            accepted.add(s.path("id").asText(""));
        }
        Instant time = null;
        if (item.hasNonNull("outcomeTimestamp")) {
            try {
                time = java.time.OffsetDateTime.parse(item.get("outcomeTimestamp").asText()).toInstant();
            } catch (DateTimeParseException e) {
                problems.add(at + ".outcomeTimestamp: not an ISO 8601 date-time with offset");
            }
        }
        return new FeedbackEntry(card, serviceId, outcome, text(reason, "system", 300, at, problems),
                text(reason, "code", 100, at, problems), text(reason, "display", 300, at, problems), comment,
                accepted, time);
    }

    private static String text(JsonNode reason, String field, int max, String at, List<String> problems) {
        String value = reason.path(field).asText(null);
        if (value != null && value.length() > max) {
            problems.add(at + ".overrideReason.reason." + field + ": at most " + max + " characters");
            return null;
        }
        return value;
    }

    private void summary(Context ctx) {
        if (!authenticated(ctx, null)) {
            return;
        }
        send(ctx, 200, bytes(json.valueToTree(feedback.summary())));
    }

    private void health(Context ctx) {
        ObjectNode health = json.createObjectNode().put("status", "UP");
        health.put("authentication", config.authDisabled() ? "off (--no-auth)"
                : auth.hasIssuers() ? "JWT" : "no trusted issuer: hook calls are refused");
        try {
            feedback.summary();
            health.put("database", "UP");
        } catch (RuntimeException e) {
            health.put("status", "DOWN").put("database", "DOWN");
        }
        send(ctx, "UP".equals(health.path("status").asText()) ? 200 : 503, bytes(health));
    }

    // --- plumbing ---

    /** The body of a call to service {@code id}; null after answering 404, 401 or 413. */
    private byte[] serviceCall(Context ctx, String id) {
        if (!HOOKS.containsKey(id)) {
            send(ctx, 404, OperationOutcomes.of("not-found", "no CDS service with this id; see /cds-services"));
            return null;
        }
        if (!authenticated(ctx, id)) {
            return null;
        }
        return body(ctx);
    }

    private boolean authenticated(Context ctx, String serviceId) {
        if (config.authDisabled()) {
            return true;
        }
        Set<String> audiences = new LinkedHashSet<>();
        String base = serviceUrl().toString();
        audiences.add(base);
        audiences.add(base + "/cds-services");
        if (serviceId != null) {
            audiences.add(base + "/cds-services/" + serviceId);
        }
        try {
            auth.verify(ctx.header("Authorization"), audiences);
            return true;
        } catch (JwtAuthenticator.Refused e) {
            ctx.attribute("outcome", "401: " + e.getMessage());
            ctx.status(401).header("WWW-Authenticate", "Bearer").result(new byte[0]);
            return false;
        }
    }

    /** Reads the body within the limit; answers 413 and returns null when it is larger. */
    private byte[] body(Context ctx) {
        long limit = config.bodyLimitBytes();
        String declared = ctx.header("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > limit) {
                    send(ctx, 413, OperationOutcomes.of("too-costly", "the body is larger than " + limit + " bytes"));
                    return null;
                }
            } catch (NumberFormatException e) {
                send(ctx, 400, OperationOutcomes.of("structure", "Content-Length is not a number"));
                return null;
            }
        }
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                if (out.size() > limit) {
                    send(ctx, 413, OperationOutcomes.of("too-costly", "the body is larger than " + limit + " bytes"));
                    return null;
                }
            }
            ctx.attribute("bytesIn", out.size());
            return out.toByteArray();
        } catch (IOException e) {
            send(ctx, 400, OperationOutcomes.of("structure", "the body could not be read"));
            return null;
        }
    }

    private static void send(Context ctx, int status, byte[] body) {
        ctx.status(status).contentType(JSON_TYPE).result(body);
    }

    private byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One JSON line per request: never a query string, header value, body or patient identifier. */
    private void logAccess(Context ctx, Float millis) {
        if (!ACCESS.isInfoEnabled()) {
            return;
        }
        ObjectNode line = json.createObjectNode()
                .put("time", clock.instant().toString())
                .put("method", ctx.method().name())
                .put("path", ctx.path().length() > 120 ? ctx.path().substring(0, 120) : ctx.path())
                .put("status", ctx.statusCode())
                .put("ms", Math.round(millis * 1000) / 1000.0);
        Object bytesIn = ctx.attribute("bytesIn");
        if (bytesIn != null) {
            line.put("bytesIn", (Integer) bytesIn);
        }
        Object outcome = ctx.attribute("outcome");
        if (outcome != null) {
            line.put("outcome", outcome.toString());
        }
        Object cards = ctx.attribute("cards");
        if (cards != null) {
            line.put("cards", (Integer) cards);
        }
        ACCESS.info(line.toString());
    }

    private ObjectNode discoveryDocument() {
        ObjectNode root = json.createObjectNode();
        ArrayNode services = root.putArray("services");
        services.add(service("order-select", ORDER_SELECT, "Ruxolitinib cream check (order selected)",
                "Checks a draft order of ruxolitinib cream 1.5% (Opzelura) against its US label as soon as it is"
                        + " selected, with what the draft has so far; quantity and days supply come at signing."));
        services.add(service("order-sign", ORDER_SIGN, "Ruxolitinib cream check (order signed)",
                "Checks an order of ruxolitinib cream 1.5% (Opzelura) against its US label before it is signed:"
                        + " indication, patient safety, interactions and dosing limits."));
        return root;
    }

    private ObjectNode service(String hook, String id, String title, String description) {
        ObjectNode s = json.createObjectNode().put("hook", hook).put("id", id).put("title", title)
                .put("description", description);
        ObjectNode prefetch = s.putObject("prefetch");
        evaluator.prefetchTemplates().forEach(prefetch::put);
        s.put("usageRequirements", "Send the draft MedicationRequest bundle in context.draftOrders; grant the"
                + " prefetch, or a fhirServer with a bearer token, for every key.");
        return s;
    }
}
