package dev.ruxo.rules.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ruxo.rules.Category;
import dev.ruxo.rules.CheckEngine;
import dev.ruxo.rules.Decision;
import dev.ruxo.rules.RuxoRules;
import dev.ruxo.rules.Severity;
import dev.ruxo.rules.WireValue;
import dev.ruxo.rules.json.WireFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * Scenario files as JUnit 5 dynamic tests, so rule authors write end-to-end cases without Java.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> scenarios() {
 *     return Scenarios.dynamicTests(Path.of("scenarios"));
 * }
 * }</pre>
 *
 * <p>A scenario file is a JSON object:
 * <pre>{@code
 * {
 *   "description": "Adult atopic dermatitis on 25% of body surface area",
 *   "request": { ...a check request in the wire format... },
 *   "expect": {
 *     "decision": "STOP",
 *     "findings": [ { "ruleId": "RUXO-DOSE-BSA-AD", "category": "DOSING", "severity": "CRITICAL" } ],
 *     "onlyListed": true,
 *     "absent": [ "RUXO-DOSE-BSA-VITILIGO" ]
 *   }
 * }
 * }</pre>
 * {@code findings} lists findings that must be present ({@code category} and {@code severity} optional); with
 * {@code onlyListed} (the default is true) nothing else may be found. For a request that must be rejected, write
 * {@code "expect": { "invalid": ["order.bsaPercent"] }} with the violation fields. Sub-folders become nested
 * containers; files are taken in name order.
 *
 * @since 0.1.0
 */
public final class Scenarios {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WireFormat WIRE = WireFormat.create();

    private Scenarios() {
    }

    /**
     * Dynamic tests for every {@code *.json} file below {@code folder}, run on an engine found with
     * {@link RuxoRules#newEngine()}.
     *
     * @param folder the folder
     * @return one dynamic test per file, in name order, one container per sub-folder
     */
    public static Stream<DynamicNode> dynamicTests(Path folder) {
        return dynamicTests(folder, RuxoRules.newEngine());
    }

    /**
     * Dynamic tests for every {@code *.json} file below {@code folder}.
     *
     * @param folder the folder
     * @param engine the engine to run them on
     * @return one dynamic test per file, in name order, one container per sub-folder
     */
    public static Stream<DynamicNode> dynamicTests(Path folder, CheckEngine engine) {
        return children(folder).stream().map(path -> node(path, engine));
    }

    private static DynamicNode node(Path path, CheckEngine engine) {
        if (Files.isDirectory(path)) {
            return DynamicContainer.dynamicContainer(path.getFileName().toString(), path.toUri(),
                    children(path).stream().map(p -> node(p, engine)));
        }
        return DynamicTest.dynamicTest(name(path), path.toUri(), () -> {
            List<String> problems = read(path).mismatches(engine);
            if (!problems.isEmpty()) {
                throw new AssertionError(path + ":\n  " + String.join("\n  ", problems));
            }
        });
    }

    /**
     * Reads every scenario file below {@code folder}, depth first, in name order.
     *
     * @param folder the folder
     * @return the scenarios
     * @throws IllegalArgumentException when a file is not a well-formed scenario, naming the file and the problem
     */
    public static List<Scenario> load(Path folder) {
        return files(folder).stream().map(Scenarios::read).toList();
    }

    /**
     * Every scenario file below {@code folder}, depth first, in name order, without reading them.
     *
     * @param folder the folder
     * @return the files
     */
    public static List<Path> files(Path folder) {
        List<Path> all = new ArrayList<>();
        for (Path p : children(folder)) {
            if (Files.isDirectory(p)) {
                all.addAll(files(p));
            } else {
                all.add(p);
            }
        }
        return all;
    }

    /**
     * Reads one scenario file.
     *
     * @param file the file
     * @return the scenario
     * @throws IllegalArgumentException when it is not a well-formed scenario, naming the file and the problem
     */
    public static Scenario read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not readable JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || !root.path("request").isObject() || !root.path("expect").isObject()) {
            throw new IllegalArgumentException(file + ": a scenario is an object with \"request\" and \"expect\" objects");
        }
        JsonNode expect = root.get("expect");
        checkKnownFields(file, expect, List.of("decision", "findings", "onlyListed", "absent", "invalid"));
        List<String> invalid = strings(file, expect, "invalid");
        Decision decision = null;
        if (invalid.isEmpty()) {
            decision = WireValue.parse(Decision.class, expect.path("decision").asText(null)).orElseThrow(() ->
                    new IllegalArgumentException(file + ": expect.decision must be PROCEED, REVIEW or STOP"));
        }
        List<Scenario.ExpectedFinding> findings = new ArrayList<>();
        for (JsonNode f : expect.path("findings")) {
            String ruleId = f.path("ruleId").asText("");
            if (ruleId.isBlank()) {
                throw new IllegalArgumentException(file + ": every expected finding needs a ruleId");
            }
            findings.add(new Scenario.ExpectedFinding(ruleId,
                    optional(file, f, "category", Category.class), optional(file, f, "severity", Severity.class)));
        }
        JsonNode request = root.get("request");
        return new Scenario(name(file), file, root.path("description").asText(null),
                () -> WIRE.readRequest(request),
                new Scenario.Expectation(decision, findings, expect.path("onlyListed").asBoolean(true),
                        strings(file, expect, "absent"), invalid));
    }

    private static <E extends Enum<E> & WireValue> E optional(Path file, JsonNode node, String field, Class<E> type) {
        if (!node.hasNonNull(field)) {
            return null;
        }
        return WireValue.parse(type, node.get(field).asText()).orElseThrow(() -> new IllegalArgumentException(
                file + ": unknown " + field + " \"" + node.get(field).asText() + "\""));
    }

    private static List<String> strings(Path file, JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        JsonNode array = node.path(field);
        if (!array.isMissingNode() && !array.isArray()) {
            throw new IllegalArgumentException(file + ": expect." + field + " must be an array of strings");
        }
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static void checkKnownFields(Path file, JsonNode node, List<String> known) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            String field = it.next().getKey();
            if (!known.contains(field)) {
                throw new IllegalArgumentException(file + ": unknown field expect." + field + " (known: " + known + ")");
            }
        }
    }

    private static List<Path> children(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("not a folder: " + folder.toAbsolutePath());
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> Files.isDirectory(p) || p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(".json") ? n.substring(0, n.length() - 5) : n;
    }
}
