package dev.ruxo.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} and {@code feedback-report} as a user runs them: the packaged jar started with {@code java -jar},
 * called over loopback HTTP, stopped with SIGTERM.
 */
class ServeCommandIT {

    private static final Path JAR = Path.of("target", "ruxo-rules-cli.jar");
    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:(\\d+))");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String SIGN = "/cds-services/ruxolitinib-cream-order-sign";

    @TempDir
    Path dir;

    /** A started tool: its process, what it printed, and where it listens. */
    private record Served(Process process, URI url, List<String> out, StringBuilder err, long startedNanos,
                          long listeningNanos) {
    }

    private static ProcessBuilder tool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    private static Served serve(String... args) throws IOException {
        assertThat(JAR).as("run after package").isRegularFile();
        long started = System.nanoTime();
        Process process = tool(args).start();
        StringBuilder err = new StringBuilder();
        CompletableFuture.runAsync(() -> drain(new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8)), err));
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        CompletableFuture<URI> url = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    lines.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (m.matches()) {
                        return URI.create(m.group(1));
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        try {
            URI uri = url.get(90, TimeUnit.SECONDS);
            assertThat(uri).as("listening line; stderr: %s", err).isNotNull();
            return new Served(process, uri, lines, err, started, System.nanoTime());
        } catch (Exception e) {
            process.destroyForcibly();
            throw new AssertionError("the service did not say where it listens; stderr: " + err, e);
        }
    }

    private static void drain(BufferedReader reader, StringBuilder into) {
        try {
            for (String line; (line = reader.readLine()) != null; ) {
                synchronized (into) {
                    into.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private static void stop(Served served) throws InterruptedException {
        served.process().destroy(); // SIGTERM: the shutdown hook closes the service and its database
        assertThat(served.process().waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(URI uri, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Finished run(String... args) throws IOException, InterruptedException {
        Process p = tool(args).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        return new Finished(p.exitValue(), out.join(), err.join());
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** What a finished run printed. */
    private record Finished(int status, String out, String err) {
    }

    @Test
    void servesHooksAndFeedbackLogsNoPatientDataAndTheReportReadsTheDatabaseAfterwards() throws Exception {
        Path database = dir.resolve("feedback.mv.db");
        Served served = serve("serve", "--port", "0", "--no-auth", "--database", database.toString());
        String cardUuid;
        try {
            HttpResponse<String> discovery = get(served.url().resolve("/cds-services"));
            assertThat(discovery.statusCode()).isEqualTo(200);
            String example = get(served.url().resolve("/examples/order-sign-quantity-too-large.json")).body();

            HttpResponse<String> cards = post(served.url().resolve(SIGN), example);
            long firstHook = System.nanoTime();

            assertThat(cards.statusCode()).isEqualTo(200);
            JsonNode card = null;
            for (JsonNode c : JSON.readTree(cards.body()).path("cards")) {
                if (c.path("source").path("topic").path("code").asText().equals("RUXO-DOSE-QTY-WEEKLY")) {
                    card = c;
                }
            }
            assertThat(card).as(cards.body()).isNotNull();
            cardUuid = card.path("uuid").asText();
            String feedback = "{\"feedback\":[{\"card\":\"" + cardUuid + "\",\"outcome\":\"overridden\","
                    + "\"overrideReason\":{\"reason\":{\"system\":\"http://terminology.hl7.org/CodeSystem/"
                    + "non-adherence-reason-codes\",\"code\":\"cds-not-applicable\"},\"userComment\":\"Ana Rivera "
                    + "needs two tubes\"}}]}";
            assertThat(post(served.url().resolve(SIGN + "/feedback"), feedback).statusCode()).isEqualTo(200);
            System.out.printf("serve: JVM start to listening %.0f ms, to first answered hook %.0f ms%n",
                    (served.listeningNanos() - served.startedNanos()) / 1e6, (firstHook - served.startedNanos()) / 1e6);
        } finally {
            stop(served);
        }
        String err = served.err().toString();
        assertThat(err).contains("authentication is off").contains("\"path\":\"" + SIGN + "\"")
                .contains("\"status\":200").contains("\"ms\":");
        // the request carried a name, an id, a birth date and a comment: none of it reaches the log
        assertThat(err).doesNotContain("Rivera", "Ana", "pat-1001", "1988-03-14", "two tubes", cardUuid);
        assertThat(err).doesNotContain("Exception", "\tat ");
        assertThat(database).isRegularFile();

        Finished report = run("feedback-report", "--database", database.toString());
        assertThat(report.status()).as(report.err()).isZero();
        assertThat(report.out()).containsPattern("RUXO-DOSE-QTY-WEEKLY\\s+1\\s+0\\s+1\\s+cds-not-applicable \\(1\\)");

        Finished json = run("feedback-report", "--database", database.toString(), "--format", "json");
        assertThat(JSON.readTree(json.out()).path("rules").get(0).path("ruleId").asText()).isNotBlank();
    }

    @Test
    void withoutATrustedIssuerTheServiceStartsAndRefusesEveryHookCall() throws Exception {
        Served served = serve("serve", "--port", "0", "--database", dir.resolve("fb").toString());
        try {
            assertThat(get(served.url().resolve("/cds-services")).statusCode()).isEqualTo(200);
            HttpResponse<String> hook = post(served.url().resolve(SIGN), "{}");
            assertThat(hook.statusCode()).isEqualTo(401);
            assertThat(hook.body()).isEmpty();
        } finally {
            stop(served);
        }
        assertThat(served.err().toString()).contains("every hook call will be refused");
    }

    @Test
    void noAuthIsRefusedOffLoopback() throws Exception {
        Finished result = run("serve", "--no-auth", "--host", "0.0.0.0", "--port", "0");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("--no-auth is refused").contains("not a loopback address");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aBadConfigFileIsListedFieldByField() throws Exception {
        Path config = dir.resolve("service.json");
        Files.writeString(config, "{\"port\": 70000, \"colour\": \"blue\", \"issuers\": [{\"iss\": \"x\"}]}");

        Finished result = run("serve", "--config", config.toString());

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("port: port must be 0 to 65535, was 70000", "colour: unknown field",
                "issuers[0]");
        assertThat(result.err()).doesNotContain("Exception");
    }

    @Test
    void theReportSaysWhenThereIsNoDatabase() throws Exception {
        Finished result = run("feedback-report", "--database", dir.resolve("none").toString());

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("no feedback database at");
    }
}
