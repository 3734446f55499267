package dev.ruxo.rules.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.Coding;
import dev.ruxo.rules.DiseaseSeverity;
import dev.ruxo.rules.Dispense;
import dev.ruxo.rules.Medication;
import dev.ruxo.rules.MedicationStatus;
import dev.ruxo.rules.Order;
import dev.ruxo.rules.Patient;
import dev.ruxo.rules.PriorTopicalTherapy;
import dev.ruxo.rules.RequestValidation;
import dev.ruxo.rules.SafeText;
import dev.ruxo.rules.Sex;
import dev.ruxo.rules.SmokingStatus;
import dev.ruxo.rules.UnknownField;
import dev.ruxo.rules.Violation;
import dev.ruxo.rules.VitiligoType;
import dev.ruxo.rules.WireValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Walks a parsed request tree field by field. Type problems become violations and leave the field null, so that the
 * semantic checks of {@link RequestValidation} can still run on the rest and the caller hears about everything at
 * once. One instance reads one document.
 */
public final class RequestReader {

    /** Numbers at or above this are not a dose, an area or an amount: refuse them before anyone formats them. */
    private static final BigDecimal MAX_MAGNITUDE = RequestValidation.MAX_MAGNITUDE;
    private static final int MAX_DECIMAL_PLACES = RequestValidation.MAX_DECIMAL_PLACES;
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** The longest unknown field name reported; longer ones are cut. */
    private static final int MAX_NAME_SHOWN = 60;

    /** The fields each object of the wire format has, by the object's kind. */
    private static final Map<String, List<String>> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put("", List.of("asOf", "patient", "order", "medications", "dispenses"));
        KNOWN.put("patient", List.of("birthDate", "ageYears", "sex", "pregnant", "breastfeeding",
                "immunocompromised", "smokingStatus", "conditions"));
        KNOWN.put("order", List.of("indication", "severity", "vitiligoType", "bsaPercent", "quantityGrams",
                "daysSupply", "applicationsPerDay", "route", "occlusiveDressing", "therapyStartDate",
                "priorTopicalTherapy", "ndc"));
        KNOWN.put("coding", List.of("system", "code", "display"));
        KNOWN.put("medications[]", List.of("system", "code", "display", "route", "status"));
        KNOWN.put("dispenses[]", List.of("date", "quantityGrams", "daysSupply"));
    }

    private final List<Violation> typeViolations = new ArrayList<>();
    private final List<UnknownField> unknown = new ArrayList<>();

    private RequestReader() {
    }

    /**
     * Reads {@code root} into a request, or lists what is wrong with it.
     *
     * @param root  the parsed document; null or missing means an empty document
     * @param today the evaluation date to check the birth date against when the request has no {@code asOf}
     * @return the request and the violations, type violations first within each section
     */
    public static Result read(JsonNode root, LocalDate today) {
        return read(root, today, false, RequestValidation.Limits.defaults());
    }

    /**
     * Reads {@code root} into a request, or lists what is wrong with it.
     *
     * @param root   the parsed document; null or missing means an empty document
     * @param today  the evaluation date to check the birth date against when the request has no {@code asOf}
     * @param strict true to make unknown fields violations; otherwise the request carries them
     * @param limits the most entries each list may hold
     * @return the request and the violations, type violations first within each section
     */
    public static Result read(JsonNode root, LocalDate today, boolean strict, RequestValidation.Limits limits) {
        if (root == null || root.isMissingNode()) {
            return new Result(null, List.of(new Violation("$", "is empty: expected a JSON object (the check request)")));
        }
        if (!root.isObject()) {
            return new Result(null, List.of(new Violation("$",
                    "must be a JSON object (the check request), was " + describe(root))));
        }
        RequestReader reader = new RequestReader();
        CheckRequest request = reader.request(root);
        if (strict) {
            for (UnknownField f : reader.unknown) {
                reader.violation(f.path(), "is not a field of the wire format"
                        + (f.probably() == null ? "" : "; did you mean " + f.probably() + "?"));
            }
        } else if (!reader.unknown.isEmpty()) {
            request = new CheckRequest(request.asOf(), request.patient(), request.order(), request.medications(),
                    request.dispenses(), reader.unknown);
        }
        List<Violation> all = new ArrayList<>(reader.typeViolations);
        LocalDate asOf = request.asOf() != null ? request.asOf() : today;
        for (Violation v : RequestValidation.violations(request, asOf, limits)) {
            if (reader.typeViolations.stream().noneMatch(t -> related(t.field(), v.field()) || mentions(v, t.field()))) {
                all.add(v);
            }
        }
        // Stable: keeps type-before-semantic order within a section.
        all.sort(Comparator.comparingInt(v -> sectionRank(v.field())));
        return new Result(request, List.copyOf(all));
    }

    /**
     * What reading produced.
     *
     * @param request    the request with every malformed field left null; null when the document was not an object
     * @param violations every violation, empty when the request is valid
     */
    public record Result(CheckRequest request, List<Violation> violations) {
    }

    private CheckRequest request(JsonNode root) {
        unknownFields(root, "", "");
        LocalDate asOf = date(root, "asOf", "");
        Patient patient = object(root, "patient", "", this::patient);
        Order order = object(root, "order", "", this::order);
        List<Medication> medications = array(root, "medications", "", this::medication,
                new Medication(null, null, null, null, null));
        List<Dispense> dispenses = array(root, "dispenses", "", this::dispense, new Dispense(null, null, null));
        return new CheckRequest(asOf, patient, order, medications, dispenses);
    }

    private Patient patient(JsonNode node, String path) {
        unknownFields(node, path, "patient");
        return new Patient(
                date(node, "birthDate", path),
                integer(node, "ageYears", path),
                wireEnum(node, "sex", path, Sex.class),
                bool(node, "pregnant", path),
                bool(node, "breastfeeding", path),
                bool(node, "immunocompromised", path),
                wireEnum(node, "smokingStatus", path, SmokingStatus.class),
                array(node, "conditions", path, this::coding, new Coding(null, null, null)));
    }

    private Order order(JsonNode node, String path) {
        unknownFields(node, path, "order");
        return new Order(
                object(node, "indication", path, this::coding),
                wireEnum(node, "severity", path, DiseaseSeverity.class),
                wireEnum(node, "vitiligoType", path, VitiligoType.class),
                decimal(node, "bsaPercent", path),
                decimal(node, "quantityGrams", path),
                integer(node, "daysSupply", path),
                integer(node, "applicationsPerDay", path),
                text(node, "route", path),
                bool(node, "occlusiveDressing", path),
                date(node, "therapyStartDate", path),
                wireEnum(node, "priorTopicalTherapy", path, PriorTopicalTherapy.class),
                text(node, "ndc", path));
    }

    private Coding coding(JsonNode node, String path) {
        unknownFields(node, path, "coding");
        return new Coding(text(node, "system", path), text(node, "code", path), text(node, "display", path));
    }

    private Medication medication(JsonNode node, String path) {
        unknownFields(node, path, "medications[]");
        return new Medication(
                text(node, "system", path),
                text(node, "code", path),
                text(node, "display", path),
                text(node, "route", path),
                wireEnum(node, "status", path, MedicationStatus.class));
    }

    private Dispense dispense(JsonNode node, String path) {
        unknownFields(node, path, "dispenses[]");
        return new Dispense(date(node, "date", path), decimal(node, "quantityGrams", path),
                integer(node, "daysSupply", path));
    }

    // --- unknown fields

    /** Records every field of {@code node} that its kind of object does not have, with the name it is close to. */
    private void unknownFields(JsonNode node, String path, String kind) {
        List<String> known = KNOWN.get(kind);
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                String shown = SafeText.cut(name, MAX_NAME_SHOWN);
                unknown.add(new UnknownField(path(path, shown), probably(name, path, known)));
            }
        });
    }

    /**
     * The known name an unknown one probably stands for: one of the same object in another case or a small edit away
     * ({@code medication}, {@code breastFeeding}), else the same name where another object has it
     * ({@code conditions} at the top is {@code patient.conditions}).
     */
    private static String probably(String name, String path, List<String> known) {
        if (name.length() > MAX_NAME_SHOWN) {
            return null;
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = k.equalsIgnoreCase(name) ? 0 : distance(k.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
            if (d < bestDistance && d <= Math.max(1, Math.min(2, k.length() / 4))) {
                best = k;
                bestDistance = d;
            }
        }
        if (best != null) {
            return path(path, best);
        }
        for (Map.Entry<String, List<String>> e : KNOWN.entrySet()) {
            for (String k : e.getValue()) {
                if (k.equalsIgnoreCase(name) && !known.contains(k)) {
                    return switch (e.getKey()) {
                        case "" -> k;
                        case "patient", "order" -> e.getKey() + "." + k;
                        case "coding" -> "order.indication." + k;
                        default -> e.getKey().replace("[]", "[i]") + "." + k;
                    };
                }
            }
        }
        return null;
    }

    /** Levenshtein distance; names are at most {@value #MAX_NAME_SHOWN} characters here. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    // --- structure

    private <T> T object(JsonNode parent, String name, String parentPath, BiFunction<JsonNode, String, T> reader) {
        JsonNode node = parent.get(name);
        String path = path(parentPath, name);
        if (absent(node)) {
            return null;
        }
        if (!node.isObject()) {
            violation(path, "must be an object, was " + describe(node));
            return null;
        }
        return reader.apply(node, path);
    }

    /**
     * A malformed element becomes {@code placeholder} so that the indices of the elements after it stay the ones the
     * caller wrote; the placeholder's own semantic violations fall under the element's type violation and are dropped.
     */
    private <T> List<T> array(JsonNode parent, String name, String parentPath,
                              BiFunction<JsonNode, String, T> reader, T placeholder) {
        JsonNode node = parent.get(name);
        String path = path(parentPath, name);
        if (absent(node)) {
            return List.of();
        }
        if (!node.isArray()) {
            violation(path, "must be an array, was " + describe(node));
            return List.of();
        }
        List<T> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            String elementPath = path + "[" + i + "]";
            if (element.isObject()) {
                out.add(reader.apply(element, elementPath));
            } else {
                violation(elementPath, "must be an object, was " + describe(element));
                out.add(placeholder);
            }
        }
        return out;
    }

    // --- scalars

    private String text(JsonNode parent, String name, String parentPath) {
        JsonNode node = parent.get(name);
        if (absent(node)) {
            return null;
        }
        if (!node.isTextual()) {
            violation(path(parentPath, name), "must be a string, was " + describe(node));
            return null;
        }
        return node.textValue();
    }

    private Boolean bool(JsonNode parent, String name, String parentPath) {
        JsonNode node = parent.get(name);
        if (absent(node)) {
            return null;
        }
        if (!node.isBoolean()) {
            violation(path(parentPath, name), "must be true or false, was " + describe(node));
            return null;
        }
        return node.booleanValue();
    }

    private BigDecimal decimal(JsonNode parent, String name, String parentPath) {
        JsonNode node = parent.get(name);
        if (absent(node)) {
            return null;
        }
        String path = path(parentPath, name);
        if (!node.isNumber()) {
            violation(path, "must be a number, was " + describe(node));
            return null;
        }
        if (!finite(node)) {
            violation(path, "must be a finite number, was " + node.asText());
            return null;
        }
        BigDecimal value = node.decimalValue();
        if (value.abs().compareTo(MAX_MAGNITUDE) >= 0 || value.scale() > MAX_DECIMAL_PLACES) {
            violation(path, "must be a number below " + MAX_MAGNITUDE.toPlainString() + " with at most "
                    + MAX_DECIMAL_PLACES + " decimal places, was " + quoteNumber(value));
            return null;
        }
        return value;
    }

    private Integer integer(JsonNode parent, String name, String parentPath) {
        JsonNode node = parent.get(name);
        if (absent(node)) {
            return null;
        }
        String path = path(parentPath, name);
        if (!node.isNumber()) {
            violation(path, "must be a whole number, was " + describe(node));
            return null;
        }
        if (!finite(node)) {
            violation(path, "must be a finite number, was " + node.asText());
            return null;
        }
        // 7.0 is accepted as 7: JavaScript and many JSON writers do not tell integers from decimals.
        BigDecimal value = node.decimalValue();
        if (value.abs().compareTo(MAX_MAGNITUDE) >= 0) {
            violation(path, "must be a whole number below " + MAX_MAGNITUDE.toPlainString() + ", was "
                    + quoteNumber(value));
            return null;
        }
        if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
            violation(path, "must be a whole number, was " + quoteNumber(value));
            return null;
        }
        return value.intValue();
    }

    private LocalDate date(JsonNode parent, String name, String parentPath) {
        JsonNode node = parent.get(name);
        if (absent(node)) {
            return null;
        }
        String path = path(parentPath, name);
        if (!node.isTextual()) {
            violation(path, "must be a date string in the form yyyy-MM-dd, was " + describe(node));
            return null;
        }
        String text = node.textValue();
        if (!ISO_DATE.matcher(text).matches()) {
            violation(path, "must be a date in the form yyyy-MM-dd, was " + quote(text));
            return null;
        }
        try {
            return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            violation(path, "is not a calendar date: " + quote(text));
            return null;
        }
    }

    private <E extends Enum<E> & WireValue> E wireEnum(JsonNode parent, String name, String parentPath,
                                                       Class<E> type) {
        JsonNode node = parent.get(name);
        if (absent(node)) {
            return null;
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(WireValue::wireValue)
                .collect(Collectors.joining(", "));
        String path = path(parentPath, name);
        if (!node.isTextual()) {
            violation(path, "must be one of " + allowed + "; was " + describe(node));
            return null;
        }
        E value = WireValue.parse(type, node.textValue()).orElse(null);
        if (value == null) {
            violation(path, "must be one of " + allowed + "; was " + quote(node.textValue()));
        }
        return value;
    }

    // --- helpers

    private void violation(String field, String message) {
        typeViolations.add(new Violation(field, message));
    }

    /** Only a tree parsed elsewhere can hold NaN or infinity: the wire format's own parser refuses them. */
    private static boolean finite(JsonNode node) {
        return !(node.isDouble() || node.isFloat()) || Double.isFinite(node.doubleValue());
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private static String path(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    /** Whether one path is the other, or lies inside it. */
    private static boolean related(String a, String b) {
        return a.equals(b) || inside(a, b) || inside(b, a);
    }

    /** "either patient.birthDate or patient.ageYears is required" says nothing new when ageYears was malformed. */
    private static boolean mentions(Violation v, String field) {
        return (field.contains(".") || field.contains("[")) && v.message().contains(field);
    }

    private static boolean inside(String inner, String outer) {
        return inner.startsWith(outer) && inner.length() > outer.length()
                && (inner.charAt(outer.length()) == '.' || inner.charAt(outer.length()) == '[');
    }

    private static int sectionRank(String field) {
        String head = field.split("[.\\[]", 2)[0];
        return switch (head) {
            case "$" -> 0;
            case "asOf" -> 1;
            case "patient" -> 2;
            case "order" -> 3;
            case "medications" -> 4;
            case "dispenses" -> 5;
            default -> 6;
        };
    }

    private static String describe(JsonNode node) {
        if (node.isTextual()) {
            return "the string " + quote(node.textValue());
        }
        if (node.isNumber()) {
            return "the number " + (finite(node) ? quoteNumber(node.decimalValue()) : node.asText());
        }
        if (node.isBoolean()) {
            return String.valueOf(node.booleanValue());
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /** Quotes user text for a message the way every echoed value is quoted (see {@link SafeText}). */
    static String quote(String text) {
        return SafeText.quote(text);
    }

    /** Scientific notation keeps 1e999999999 short; ordinary numbers print as written. */
    private static String quoteNumber(BigDecimal value) {
        return SafeText.cut(value.toString(), SafeText.QUOTED_LENGTH);
    }
}
