package dev.ruxo.rules.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load test of the CDS Hooks service, loopback only and bounded in time: starts {@code ruxo-rules-cli.jar serve} as its
 * own process (fresh feedback database, {@code --no-auth}), measures JVM start to the first answered hook, then keeps
 * {@code --clients} concurrent clients sending order-sign requests with a typical prefetch for {@code --seconds}.
 * Reports the server-side times of each answer from its {@code Server-Timing} header (app: parsing, fetching, mapping,
 * checking and the cards on a worker thread; queue: the wait for a worker; total: from the request handler's start to
 * the response body being ready), the client-side round trip, errors, and the server's memory: resident set size
 * every second and the live heap after a full GC at the start and at the end of the measured phase.
 *
 * <pre>
 * ./mvnw -q -B package -DskipTests
 * java -cp ruxo-rules-benchmarks/target/ruxo-rules-benchmarks.jar dev.ruxo.rules.benchmarks.ServiceLoad \
 *     --seconds 60 --clients 50 --starts 3 --xmx 512m
 * </pre>
 *
 * <p>The service runs with {@code -Xmx512m} unless {@code --xmx} says otherwise: without a ceiling, G1 grows the heap
 * towards a quarter of the machine's memory under this allocation rate, and the resident set follows.
 *
 * <p>Not part of the test run. Every request has its own hook instance, so every answer also records its cards in
 * the feedback database, as in production.
 */
public final class ServiceLoad {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:(\\d+))");
    private static final Pattern SERVER_TIMING =
            Pattern.compile("queue;dur=([0-9.]+), app;dur=([0-9.]+), total;dur=([0-9.]+)");
    private static final String SIGN = "/cds-services/ruxolitinib-cream-order-sign";

    private ServiceLoad() {
    }

    /**
     * Runs the load test.
     *
     * @param args {@code --jar PATH --seconds N --warmup N --clients N --starts N --xmx SIZE}, and any number of
     *             {@code --jvm ARG} (a JVM option for the service) and one {@code --config FILE} (its service configuration)
     * @throws Exception when the service cannot be started
     */
    public static void main(String[] args) throws Exception {
        Path jar = Path.of("ruxo-rules-cli/target/ruxo-rules-cli.jar");
        int seconds = 60;
        int warmup = 10;
        int clients = 50;
        int starts = 3;
        String xmx = "512m";
        List<String> jvmArgs = new ArrayList<>();
        List<String> serveArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jar" -> jar = Path.of(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--starts" -> starts = Integer.parseInt(args[++i]);
                case "--xmx" -> xmx = args[++i];
                case "--jvm" -> jvmArgs.add(args[++i]);
                case "--config" -> {
                    serveArgs.add("--config");
                    serveArgs.add(Path.of(args[++i]).toAbsolutePath().toString());
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (seconds > 60 || seconds < 1 || clients < 1 || clients > 200) {
            throw new IllegalArgumentException("--seconds is at most 60 and --clients at most 200");
        }
        List<Double> startTimes = new ArrayList<>();
        for (int s = 0; s < starts; s++) {
            Server server = Server.start(jar, xmx, jvmArgs, serveArgs);
            try {
                startTimes.add(server.firstHookMillis());
            } finally {
                server.stop();
            }
        }
        startTimes.sort(null);
        if (!startTimes.isEmpty()) {
            System.out.printf(Locale.ROOT, "JVM start to first answered hook, %d starts: min %.0f ms, median %.0f ms,"
                    + " max %.0f ms%n", startTimes.size(), startTimes.get(0), startTimes.get(startTimes.size() / 2),
                    startTimes.get(startTimes.size() - 1));
        }

        Server server = Server.start(jar, xmx, jvmArgs, serveArgs);
        try {
            run(server, clients, warmup, seconds);
        } finally {
            server.stop();
        }
    }

    private static void run(Server server, int clients, int warmup, int seconds) throws Exception {
        String body = typicalRequest(server);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        URI sign = server.url().resolve(SIGN);
        long[] serverMicros = new long[2_000_000];
        long[] appMicros = new long[2_000_000];
        long[] queueMicros = new long[2_000_000];
        long[] clientMicros = new long[2_000_000];
        AtomicLong count = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                try {
                    while (running.get()) {
                        String request = body.replace("\"hookInstance\": \"LOAD\"",
                                "\"hookInstance\": \"" + UUID.randomUUID() + "\"");
                        long start = System.nanoTime();
                        try {
                            HttpResponse<String> response = http.send(HttpRequest.newBuilder(sign)
                                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(request)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            long took = (System.nanoTime() - start) / 1000;
                            boolean ok = response.statusCode() == 200 && response.body().contains("RUXO-DDI-BIOLOGIC");
                            if (!measuring.get()) {
                                continue;
                            }
                            if (!ok) {
                                errors.incrementAndGet();
                                continue;
                            }
                            Matcher m = SERVER_TIMING.matcher(response.headers().firstValue("Server-Timing").orElse(""));
                            long i = count.getAndIncrement();
                            if (!m.find()) {
                                errors.incrementAndGet();
                                continue;
                            }
                            if (i < serverMicros.length) {
                                queueMicros[(int) i] = Math.round(Double.parseDouble(m.group(1)) * 1000);
                                appMicros[(int) i] = Math.round(Double.parseDouble(m.group(2)) * 1000);
                                serverMicros[(int) i] = Math.round(Double.parseDouble(m.group(3)) * 1000);
                                clientMicros[(int) i] = took;
                            }
                        } catch (IOException e) {
                            if (measuring.get()) {
                                errors.incrementAndGet();
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "load-" + c);
            t.setDaemon(true);
            t.start();
        }
        Thread.sleep(warmup * 1000L);
        String heapBefore = server.liveHeap();
        measuring.set(true);
        long rssMin = Long.MAX_VALUE;
        long rssMax = 0;
        List<Long> rss = new ArrayList<>();
        long measureStart = System.nanoTime();
        for (int s = 0; s < seconds; s++) {
            Thread.sleep(1000);
            long kb = server.rssKb();
            rss.add(kb);
            rssMin = Math.min(rssMin, kb);
            rssMax = Math.max(rssMax, kb);
        }
        measuring.set(false);
        double elapsed = (System.nanoTime() - measureStart) / 1e9;
        running.set(false);
        done.await(20, TimeUnit.SECONDS);
        String heapAfter = server.liveHeap();

        int n = (int) Math.min(count.get(), serverMicros.length);
        long[] srv = Arrays.copyOf(serverMicros, n);
        long[] cli = Arrays.copyOf(clientMicros, n);
        long[] app = Arrays.copyOf(appMicros, n);
        long[] queue = Arrays.copyOf(queueMicros, n);
        Arrays.sort(srv);
        Arrays.sort(cli);
        Arrays.sort(app);
        Arrays.sort(queue);
        System.out.printf(Locale.ROOT, "%d clients, %.0f s measured after %d s warm-up: %d answers (%.0f/s), %d errors%n",
                clients, elapsed, warmup, n, n / elapsed, errors.get());
        print("server-side processing (app: parse, map, check, cards)", app);
        print("server-side wait for a worker (queue)", queue);
        print("server-side total (handler start to response ready)", srv);
        System.out.printf(Locale.ROOT, "client round trip: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n", pct(cli, 50),
                pct(cli, 99), pct(cli, 100));
        System.out.printf(Locale.ROOT, "server RSS: first %d MB, last %d MB, min %d MB, max %d MB%n",
                rss.get(0) / 1024, rss.get(rss.size() - 1) / 1024, rssMin / 1024, rssMax / 1024);
        System.out.println("server live heap after full GC, before: " + heapBefore);
        System.out.println("server live heap after full GC, after:  " + heapAfter);
    }

    private static void print(String what, long[] sorted) {
        System.out.printf(Locale.ROOT, "%s: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms%n", what,
                pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), pct(sorted, 99.9), pct(sorted, 100));
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1000.0;
    }

    /**
     * The shipped complete order-sign example with a typical record added: four active co-medications in the
     * medicationRequests prefetch, one of them a biologic, so that a card is expected in every answer.
     */
    private static String typicalRequest(Server server) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String example = http.send(HttpRequest.newBuilder(server.url().resolve("/examples/order-sign-complete.json"))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        String meds = """
                {"resourceType": "Bundle", "type": "searchset", "entry": [%s, %s, %s, %s]}"""
                .formatted(med("med-1", "1876366", "dupilumab 300 MG/2ML Prefilled Syringe", "34206005"),
                        med("med-2", "1014676", "cetirizine hydrochloride 10 MG Oral Tablet", "26643006"),
                        med("med-3", "861007", "metformin hydrochloride 500 MG Oral Tablet", "26643006"),
                        med("med-4", "310965", "ibuprofen 200 MG Oral Tablet", "26643006"));
        String body = example.replaceFirst("\"hookInstance\": \"[^\"]+\"", "\"hookInstance\": \"LOAD\"")
                .replace("\"medicationRequests\": null", "\"medicationRequests\": " + meds);
        if (!body.contains("dupilumab") || !body.contains("\"LOAD\"")) {
            throw new IllegalStateException("the example no longer has the expected shape");
        }
        return body;
    }

    private static String med(String id, String rxcui, String display, String route) {
        return """
                {"fullUrl": "MedicationRequest/%1$s", "resource": {"resourceType": "MedicationRequest", "id": "%1$s",
                 "status": "active", "intent": "order", "subject": {"reference": "Patient/pat-1001"},
                 "authoredOn": "2026-10-01",
                 "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm",
                  "code": "%2$s", "display": "%3$s"}], "text": "%3$s"},
                 "dosageInstruction": [{"route": {"coding": [{"system": "http://snomed.info/sct", "code": "%4$s"}]}}]}}"""
                .formatted(id, rxcui, display, route);
    }

    /** The service as its own process. */
    private record Server(Process process, URI url, double firstHookMillis, Path dir) {

        static Server start(Path jar, String xmx, List<String> jvmArgs, List<String> serveArgs)
                throws IOException, InterruptedException {
            Path dir = Files.createTempDirectory("ruxo-load");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + xmx,
                    "-Dorg.slf4j.simpleLogger.log.dev.ruxo.rules.cdshooks.access=warn"));
            command.addAll(jvmArgs);
            command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "serve", "--port", "0", "--no-auth",
                    "--database", dir.resolve("feedback").toString()));
            command.addAll(serveArgs);
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            URI url = null;
            for (String line; (line = out.readLine()) != null; ) {
                Matcher m = LISTENING.matcher(line);
                if (m.matches()) {
                    url = URI.create(m.group(1));
                    break;
                }
            }
            if (url == null) {
                p.destroyForcibly();
                throw new IllegalStateException("the service did not start");
            }
            HttpClient http = HttpClient.newHttpClient();
            String example = http.send(HttpRequest.newBuilder(url.resolve("/examples/order-sign-complete.json")).GET()
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            HttpResponse<String> first = http.send(HttpRequest.newBuilder(url.resolve(SIGN))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(example))
                    .build(), HttpResponse.BodyHandlers.ofString());
            double millis = (System.nanoTime() - t0) / 1e6;
            if (first.statusCode() != 200) {
                p.destroyForcibly();
                throw new IllegalStateException("the first hook answered " + first.statusCode());
            }
            return new Server(p, url, millis, dir);
        }

        long rssKb() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return -1;
        }

        /** Forces a full GC in the service and reads its heap use with jcmd. */
        String liveHeap() throws IOException, InterruptedException {
            String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            jcmd(jcmd, "GC.run");
            String info = jcmd(jcmd, "GC.heap_info");
            Matcher m = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(info);
            return m.find() ? (Long.parseLong(m.group(2)) / 1024) + " MB used of " + (Long.parseLong(m.group(1)) / 1024)
                    + " MB committed" : "(jcmd gave no heap figure)";
        }

        private String jcmd(String jcmd, String command) throws IOException, InterruptedException {
            Process p = new ProcessBuilder(jcmd, String.valueOf(process.pid()), command).redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return out;
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
