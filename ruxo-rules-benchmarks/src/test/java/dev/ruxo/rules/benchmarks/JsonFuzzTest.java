package dev.ruxo.rules.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.CheckEngine;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.InvalidRequestException;
import dev.ruxo.rules.drools.DroolsCheckEngine;
import dev.ruxo.rules.json.WireFormat;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input through the wire format and the engine, as the command-line tool and a service would take it: random
 * mutations of valid JSON requests (wrong types, huge numbers, NaN, deep nesting, very long strings, Unicode, nulls
 * everywhere, broken syntax). Every mutant must come out as an assessment or an {@link InvalidRequestException}, in
 * well under a second; nothing else may escape. Three oracles make sure no error is swallowed into a PROCEED:
 *
 * <ul>
 *   <li>a field of the contract given a value of the wrong JSON type (or a malformed date, enum or whole number) is
 *       always rejected, never assessed;</li>
 *   <li>a field set to {@code null} is treated exactly like the field left out;</li>
 *   <li>an unknown field, anywhere and of any shape, adds exactly one DATA warning naming it and changes nothing
 *       else; the strict reader rejects it.</li>
 * </ul>
 */
class JsonFuzzTest {

    private static final long SEED = Long.getLong("ruxo.qt.seed", 20261122L);
    private static final int MUTANTS = 4000;
    private static final Duration SLOWEST_ALLOWED = Duration.ofSeconds(1);

    /** The JSON kind each field of the contract must have; "[]" stands for any array element. */
    private enum Kind { OBJECT, ARRAY, STRING, DATE, ENUM, BOOLEAN, NUMBER, WHOLE }

    private static final Map<String, Kind> SCHEMA = Map.ofEntries(
            Map.entry("asOf", Kind.DATE),
            Map.entry("patient", Kind.OBJECT),
            Map.entry("patient.birthDate", Kind.DATE),
            Map.entry("patient.ageYears", Kind.WHOLE),
            Map.entry("patient.sex", Kind.ENUM),
            Map.entry("patient.pregnant", Kind.BOOLEAN),
            Map.entry("patient.breastfeeding", Kind.BOOLEAN),
            Map.entry("patient.immunocompromised", Kind.BOOLEAN),
            Map.entry("patient.smokingStatus", Kind.ENUM),
            Map.entry("patient.conditions", Kind.ARRAY),
            Map.entry("patient.conditions[]", Kind.OBJECT),
            Map.entry("patient.conditions[].system", Kind.STRING),
            Map.entry("patient.conditions[].code", Kind.STRING),
            Map.entry("patient.conditions[].display", Kind.STRING),
            Map.entry("order", Kind.OBJECT),
            Map.entry("order.indication", Kind.OBJECT),
            Map.entry("order.indication.system", Kind.STRING),
            Map.entry("order.indication.code", Kind.STRING),
            Map.entry("order.indication.display", Kind.STRING),
            Map.entry("order.severity", Kind.ENUM),
            Map.entry("order.vitiligoType", Kind.ENUM),
            Map.entry("order.bsaPercent", Kind.NUMBER),
            Map.entry("order.quantityGrams", Kind.NUMBER),
            Map.entry("order.daysSupply", Kind.WHOLE),
            Map.entry("order.applicationsPerDay", Kind.WHOLE),
            Map.entry("order.route", Kind.STRING),
            Map.entry("order.occlusiveDressing", Kind.BOOLEAN),
            Map.entry("order.therapyStartDate", Kind.DATE),
            Map.entry("order.priorTopicalTherapy", Kind.ENUM),
            Map.entry("order.ndc", Kind.STRING),
            Map.entry("medications", Kind.ARRAY),
            Map.entry("medications[]", Kind.OBJECT),
            Map.entry("medications[].system", Kind.STRING),
            Map.entry("medications[].code", Kind.STRING),
            Map.entry("medications[].display", Kind.STRING),
            Map.entry("medications[].route", Kind.STRING),
            Map.entry("medications[].status", Kind.ENUM),
            Map.entry("dispenses", Kind.ARRAY),
            Map.entry("dispenses[]", Kind.OBJECT),
            Map.entry("dispenses[].date", Kind.DATE),
            Map.entry("dispenses[].quantityGrams", Kind.NUMBER),
            Map.entry("dispenses[].daysSupply", Kind.WHOLE));

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final WireFormat WIRE = WireFormat.create();
    private static final String UNKNOWN_FIELDS = "RUXO-DATA-UNKNOWN-FIELDS";

    private static CheckEngine engine;
    private static final List<String> SEEDS = new ArrayList<>();

    @BeforeAll
    static void seeds() throws IOException {
        engine = DroolsCheckEngine.builder().build();
        List<CheckRequest> requests = new ArrayList<>(List.of(Requests.typical(), Requests.manyRules(),
                Requests.heavy()));
        qt().withFixedSeed(SEED).withExamples(40).forAll(new RequestGenerator().requests()).checkAssert(requests::add);
        requests.forEach(r -> SEEDS.add(WIRE.writeRequest(r)));
        Path examples = Path.of("..", "examples");
        if (Files.isDirectory(examples)) {
            try (Stream<Path> files = Files.list(examples)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    SEEDS.add(Files.readString(p));
                }
            }
        }
        for (String seed : SEEDS) {
            assertThat(outcome(seed)).as("seed %s", seed).isInstanceOf(Assessed.class);
        }
    }

    /** What one document produced. */
    private sealed interface Outcome permits Assessed, Rejected {
    }

    private record Assessed(Assessment assessment) implements Outcome {
    }

    private record Rejected() implements Outcome {
    }

    /** Reads and checks a document; anything but an assessment or a rejection escapes and fails the test. */
    private static Outcome outcome(String text) {
        CheckRequest request;
        try {
            request = WIRE.readRequest(text);
        } catch (InvalidRequestException e) {
            assertThat(e.violations()).isNotEmpty();
            return new Rejected();
        }
        try {
            return new Assessed(engine.check(request));
        } catch (InvalidRequestException e) {
            return new Rejected();
        }
    }

    @Test
    void mutatedRequestsAreAssessedOrRejectedAndNeverFailOrHang() {
        Random random = new Random(SEED);
        int[] counts = new int[3];
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int i = 0; i < MUTANTS; i++) {
                String seed = SEEDS.get(random.nextInt(SEEDS.size()));
                mutateAndCheck(seed, random, i, counts);
            }
        });
        System.out.printf("JsonFuzzTest: %d mutants; oracle uses: wrong type %d, null %d, unknown field %d%n", MUTANTS,
                counts[0], counts[1], counts[2]);
        // every oracle must actually have been exercised
        assertThat(java.util.Arrays.stream(counts).min().orElseThrow()).as("oracle uses %s",
                java.util.Arrays.toString(counts)).isGreaterThan(MUTANTS / 20);
    }

    private void mutateAndCheck(String seed, Random random, int n, int[] counts) throws IOException {
        JsonNode tree = JSON.readTree(seed);
        List<Location> locations = new ArrayList<>();
        collect(tree, "", locations);
        Location at = locations.get(random.nextInt(locations.size()));
        int operator = random.nextInt(12);
        String label = "mutant " + n + " (operator " + operator + " at " + at.path + ")";
        switch (operator) {
            case 0, 1 -> {
                // a value of the wrong kind for a field of the contract: must be rejected
                Kind kind = SCHEMA.get(at.path);
                if (kind == null) {
                    return;
                }
                at.set(wrongValue(kind, random));
                expectRejected(label, JSON.writeValueAsString(tree));
                counts[0]++;
            }
            case 2, 3 -> {
                // null means absent
                if (!(at.parent instanceof ObjectNode object)) {
                    return;
                }
                at.set(NODES.nullNode());
                Outcome withNull = timed(label, JSON.writeValueAsString(tree));
                object.remove(at.field);
                Outcome without = timed(label, JSON.writeValueAsString(tree));
                assertThat(withNull).as("%s: null must mean absent", label).isEqualTo(without);
                counts[1]++;
            }
            case 4 -> {
                // an unknown field is one DATA warning naming it, and nothing else changes
                ObjectNode target = objectAt(tree, locations, random);
                String name = "x-unknown-" + random.nextInt(1000);
                target.set(name, randomValue(random, 0));
                String text = JSON.writeValueAsString(tree);
                Outcome mutated = timed(label, text);
                Outcome original = outcome(seed);
                if (original instanceof Assessed before && mutated instanceof Assessed after) {
                    var others = after.assessment().findings().stream()
                            .filter(f -> !f.ruleId().equals(UNKNOWN_FIELDS)).toList();
                    assertThat(others).as("%s: an unknown field changed other findings", label)
                            .isEqualTo(before.assessment().findings());
                    assertThat(after.assessment().findings()).as(label).filteredOn(f -> f.ruleId().equals(UNKNOWN_FIELDS))
                            .singleElement().satisfies(f -> assertThat(f.detail()).contains(name));
                    assertThat(after.assessment().decision()).as(label).isNotEqualTo(dev.ruxo.rules.Decision.PROCEED);
                } else {
                    assertThat(mutated).as("%s: an unknown field changed the outcome", label).isEqualTo(original);
                }
                assertThatThrownBy(() -> WIRE.strict().readRequest(text)).as(label)
                        .isInstanceOf(InvalidRequestException.class);
                counts[2]++;
            }
            case 5 -> {
                at.set(NODES.numberNode(new BigDecimal(pick(random, HUGE_NUMBERS))));
                timed(label, JSON.writeValueAsString(tree));
            }
            case 6 -> {
                at.set(NODES.textNode(longString(random)));
                timed(label, JSON.writeValueAsString(tree));
            }
            case 7 -> {
                at.set(NODES.textNode(pick(random, UNICODE)));
                timed(label, JSON.writeValueAsString(tree));
            }
            case 8 -> {
                // far deeper than the reader allows
                int depth = 33 + random.nextInt(20_000);
                expectRejected(label, seed.replaceFirst("\\{", "{\"deep\":" + "[".repeat(depth) + "]".repeat(depth) + ","));
            }
            case 9 -> {
                nullEverything(tree);
                expectRejected(label, JSON.writeValueAsString(tree));
            }
            case 10 -> timed(label, rawTextMutation(seed, random));
            default -> {
                // several mutations at once
                for (int k = 0; k < 3; k++) {
                    Location l = locations.get(random.nextInt(locations.size()));
                    l.set(randomValue(random, 0));
                }
                timed(label, JSON.writeValueAsString(tree));
            }
        }
    }

    // --- expectations

    private static void expectRejected(String label, String text) {
        assertThat(timed(label, text)).as("%s must be rejected, not assessed: %s", label, shorten(text))
                .isInstanceOf(Rejected.class);
    }

    private static Outcome timed(String label, String text) {
        long start = System.nanoTime();
        Outcome result;
        try {
            result = outcome(text);
        } catch (AssertionError e) {
            throw e;
        } catch (Throwable t) {
            return fail("%s escaped with %s for %s", label, t, shorten(text));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as("%s took too long", label).isLessThan(SLOWEST_ALLOWED);
        return result;
    }

    private static String shorten(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "… (" + text.length() + " characters)";
    }

    // --- values

    private static final List<String> HUGE_NUMBERS = List.of("1e400", "-1e400", "1e-400",
            "123456789012345678901234567890", "999999999", "1000000000", "-0", "0.0000000000000000000000000000001",
            "2147483648", "-2147483649", "1E+99", "4.9e-324", "1.7976931348623157e308", "20.00000000000000000000000001");
    private static final List<String> UNICODE = List.of("🧴💊 dupilumab 💉", "עברית dupilumab", "e\u0301\u0301\u0301",
            "\u200b\u200d\ufeff", "\u0000nul", "\ud800", "\udfff\ud800", "İSTANBUL ıi", "ＤＵＰＩＬＵＭＡＢ",
            "\u202eevil", "L20.9\u0000", "  ", "", "ǅ ǈ ǋ", "𝕯𝖚𝖕𝖎𝖑𝖚𝖒𝖆𝖇", "\t\r\n", "ß ẞ ﬁ");

    private static String longString(Random random) {
        int length = pick(random, List.of(1_000, 10_000, 60_000, 65_536, 70_000));
        String unit = pick(random, List.of("a", "é", "💊", "tofacitinib ", "L20.9"));
        return unit.repeat(length / unit.length() + 1).substring(0, length);
    }

    private static JsonNode wrongValue(Kind kind, Random random) {
        List<Supplier<JsonNode>> wrong = new ArrayList<>();
        if (kind != Kind.STRING && kind != Kind.DATE && kind != Kind.ENUM) {
            wrong.add(() -> NODES.textNode(pick(random, List.of("7", "true", "", "yes", "2026-01-01"))));
        }
        if (kind != Kind.NUMBER && kind != Kind.WHOLE) {
            wrong.add(() -> NODES.numberNode(pick(random, List.of(0, 1, 7, -3))));
            wrong.add(() -> NODES.numberNode(new BigDecimal("12.5")));
        }
        if (kind != Kind.BOOLEAN) {
            wrong.add(() -> NODES.booleanNode(random.nextBoolean()));
        }
        if (kind != Kind.OBJECT) {
            wrong.add(() -> NODES.objectNode().put("value", 1));
            wrong.add(NODES::objectNode);
        }
        if (kind != Kind.ARRAY) {
            wrong.add(() -> NODES.arrayNode().add("x"));
            wrong.add(NODES::arrayNode);
        }
        // right JSON type, wrong content
        switch (kind) {
            case DATE -> wrong.add(() -> NODES.textNode(pick(random, List.of("2026-02-30", "2026-13-01", "26-11-22",
                    "2026-11-22T10:00:00", "22/11/2026", "", "+10000-01-01", "2026-1-1"))));
            case ENUM -> wrong.add(() -> NODES.textNode(pick(random, List.of("", "unknown-value", "Ｍild", "✓"))));
            case WHOLE -> wrong.add(() -> NODES.numberNode(new BigDecimal(pick(random, List.of("7.5", "0.1",
                    "1e9", "-1e12")))));
            case ARRAY -> wrong.add(() -> NODES.arrayNode().add(1).add("two"));
            default -> {
            }
        }
        return wrong.get(random.nextInt(wrong.size())).get();
    }

    private static JsonNode randomValue(Random random, int depth) {
        int kind = depth > 6 ? random.nextInt(5) : random.nextInt(7);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(new BigDecimal(pick(random, HUGE_NUMBERS)));
            case 3 -> NODES.textNode(pick(random, UNICODE));
            case 4 -> NODES.numberNode(random.nextInt());
            case 5 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomValue(random, depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(pick(random, List.of("a", "asOf", "patient", "code", "🔑", "")),
                            randomValue(random, depth + 1));
                }
                yield object;
            }
        };
    }

    private static String rawTextMutation(String seed, Random random) {
        int at = random.nextInt(seed.length() + 1);
        return switch (random.nextInt(9)) {
            case 0 -> seed.substring(0, at);
            case 1 -> seed.replaceFirst("\"bsaPercent\":[^,}]*", "\"bsaPercent\":" + pick(random, List.of("NaN",
                    "Infinity", "-Infinity", "1e99999", "0x10", "01", ".5", "+1")));
            case 2 -> seed.replaceFirst("\\{", "{\"asOf\":\"2026-11-22\",");
            case 3 -> seed + pick(random, List.of("x", "{}", "]", " 1", "\u0000"));
            case 4 -> "\ufeff" + seed;
            case 5 -> seed.substring(0, at) + (char) random.nextInt(0x80) + seed.substring(at);
            case 6 -> seed.substring(0, at) + pick(random, UNICODE) + seed.substring(at);
            case 7 -> pick(random, List.of("", "null", "[]", "\"request\"", "42", "true", "{}", "[" + seed + "]"));
            default -> seed.replace("\"", random.nextBoolean() ? "'" : "\\\"");
        };
    }

    // --- tree plumbing

    /** A place in the tree: an object's field or an array's element, with its path in {@link #SCHEMA} form. */
    private record Location(JsonNode parent, String field, int index, String path) {
        void set(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                object.set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    private static void collect(JsonNode node, String path, List<Location> out) {
        if (node instanceof ObjectNode object) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                String child = path.isEmpty() ? name : path + "." + name;
                out.add(new Location(object, name, -1, child));
                collect(object.get(name), child, out);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                out.add(new Location(array, null, i, path + "[]"));
                collect(array.get(i), path + "[]", out);
            }
        }
    }

    private static ObjectNode objectAt(JsonNode tree, List<Location> locations, Random random) {
        List<ObjectNode> objects = new ArrayList<>();
        objects.add((ObjectNode) tree);
        for (Location l : locations) {
            JsonNode value = l.parent instanceof ObjectNode o ? o.get(l.field) : l.parent.get(l.index);
            if (value instanceof ObjectNode object) {
                objects.add(object);
            }
        }
        return objects.get(random.nextInt(objects.size()));
    }

    /** Every scalar in the tree becomes null; objects and arrays stay, so nulls reach every level. */
    private static void nullEverything(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (object.get(name).isContainerNode()) {
                    nullEverything(object.get(name));
                } else {
                    object.set(name, NODES.nullNode());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isContainerNode()) {
                    nullEverything(array.get(i));
                } else {
                    array.set(i, NODES.nullNode());
                }
            }
        }
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
