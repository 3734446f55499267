package dev.ruxo.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ruxo.rules.cdshooks.ServiceConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shell and JSON snippets of README's "Run the CDS Hooks service" section and of docs/cds-hooks.md as
 * written, with bash, on the packaged jar; only the port 8080 becomes a free one (and the config file's name its
 * path), so that the test never collides with a service already running.
 */
class ServiceDocsIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern BLOCK = Pattern.compile("```(sh|json)\\n(.*?)```", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Block(String language, String text) {
    }

    private static List<Block> blocks(String markdown) {
        List<Block> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(markdown);
        while (m.find()) {
            out.add(new Block(m.group(1), m.group(2)));
        }
        return out;
    }

    private static String section(String markdown, String heading) {
        int start = markdown.indexOf("\n## " + heading + "\n");
        assertThat(start).as("section " + heading).isNotNegative();
        int end = markdown.indexOf("\n## ", start + 1);
        return markdown.substring(start, end < 0 ? markdown.length() : end);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private String localise(String command, int port) {
        return command.replace("8080", String.valueOf(port)).replace("./ruxo ", ROOT.resolve("ruxo") + " ");
    }

    /** Starts a serve snippet with bash in the temporary folder; returns once it says where it listens. */
    private Process serve(String command) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", "exec " + command).directory(dir.toFile())
                .redirectError(dir.resolve("serve.err").toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        }).get(90, TimeUnit.SECONDS);
        assertThat(line).as("stderr: %s", Files.exists(dir.resolve("serve.err"))
                ? Files.readString(dir.resolve("serve.err")) : "").startsWith("listening on http://127.0.0.1:");
        return p;
    }

    private String run(String command) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", "set -euo pipefail\n" + command).directory(dir.toFile())
                .redirectErrorStream(true).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out.get()).isZero();
        return out.get();
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void theReadmeSectionRunsAsWritten() throws Exception {
        List<Block> blocks = blocks(section(Files.readString(ROOT.resolve("README.md")), "Run the CDS Hooks service"));
        assertThat(blocks).extracting(Block::language).containsExactly("sh", "sh");
        assertThat(blocks.get(0).text().strip()).isEqualTo("./ruxo serve --port 8080 --no-auth");
        int port = freePort();

        Process service = serve(localise(blocks.get(0).text().strip(), port));
        try {
            String answer = run(localise(blocks.get(1).text(), port));

            assertThat(JSON.readTree(answer).path("cards").toString()).contains("RUXO-DOSE-QTY-WEEKLY",
                    "\"indicator\":\"critical\"", "Change the quantity to 60 g for 7 days");
        } finally {
            stop(service);
        }
    }

    @Test
    void theCdsHooksGuideRunsAsWrittenAndItsConfigFileIsValid() throws Exception {
        List<Block> blocks = blocks(Files.readString(ROOT.resolve("docs/cds-hooks.md")));
        assertThat(blocks).extracting(Block::language).containsExactly("sh", "sh", "json");
        int port = freePort();

        Process service = serve(localise(blocks.get(0).text().strip(), port));
        try {
            String answers = run(localise(blocks.get(1).text(), port));
            assertThat(answers).contains("ruxolitinib-cream-order-sign", "\"status\":\"UP\"");
        } finally {
            stop(service);
        }

        Path config = dir.resolve("service.json");
        Files.writeString(config, localise(blocks.get(2).text(), port));
        ServiceConfig read = ServiceConfig.read(config).build();
        assertThat(read.issuers()).hasSize(1);
        assertThat(read.tenants()).containsExactly("clinic-a");
        assertThat(read.database()).isEqualTo(dir.resolve("ruxo-feedback.mv.db"));

        Process configured = serve(ROOT.resolve("ruxo") + " serve --config " + config);
        try {
            assertThat(run("curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:" + port + "/cds-services"))
                    .isEqualTo("200");
            assertThat(run("curl -s -o /dev/null -w '%{http_code}' -X POST -d '{}' http://127.0.0.1:" + port
                    + "/cds-services/ruxolitinib-cream-order-sign")).isEqualTo("401");
        } finally {
            stop(configured);
        }
    }
}
