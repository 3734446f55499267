package dev.ruxo.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ruxo.rules.CheckEngine;
import dev.ruxo.rules.RuxoRules;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** One in-process run of the tool: what it printed and returned. */
record ToolRun(int status, String out, String err) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runs the tool with the engine found on the class path and empty standard input. */
    static ToolRun of(String... args) {
        return of("", RuxoRules::newEngine, args);
    }

    static ToolRun of(String stdin, Supplier<CheckEngine> engines, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                engines);
        return new ToolRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Standard output as JSON Lines. */
    List<JsonNode> lines() {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.split("\n")) {
            try {
                lines.add(JSON.readTree(line));
            } catch (IOException e) {
                throw new UncheckedIOException("not a JSON line: " + line, e);
            }
        }
        return lines;
    }

    void hasNoStackTrace() {
        assertThat(out + err).doesNotContain("Exception", "\tat ", "Caused by");
    }
}
