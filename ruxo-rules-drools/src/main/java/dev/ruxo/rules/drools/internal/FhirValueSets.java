package dev.ruxo.rules.drools.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruxo.rules.CodeSystems;
import dev.ruxo.rules.RuleMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Value sets a site extends with FHIR R4 ValueSet resources, the format terminology servers and the VSAC publish.
 *
 * <p>Convention: a rules-folder file named {@code NAME.valueset.json} adds its concepts to the value set {@code NAME}
 * of {@code conditions.csv} or {@code medications.csv}; the value set must exist. Concepts are read from
 * {@code expansion.contains} (nested {@code contains} included; {@code abstract} concepts skipped) when the resource
 * has an expansion, otherwise from {@code compose.include[].concept}. Every concept is an exact code: ICD-10-CM and
 * SNOMED CT for a condition set, RxNorm and ATC for a medication set. A medication row takes the routes of the value
 * set's existing rows when they all agree, else {@code systemic}. Rows a value set already has are skipped.
 *
 * <p>The resources become rows of the value sets' own files, so the loader checks them like any other row. Problems
 * name the file and the element ({@code compose.include[0].filter}).
 */
final class FhirValueSets {

    /** The file-name ending that marks a ValueSet resource in a rules folder. */
    static final String SUFFIX = ".valueset.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> CONDITION_SYSTEMS = Map.of(CodeSystems.ICD_10_CM, "icd10cm",
            CodeSystems.SNOMED_CT, "snomed");
    private static final Map<String, String> MEDICATION_SYSTEMS = Map.of(CodeSystems.RXNORM, "rxnorm",
            CodeSystems.ATC, "atc");

    /** The data files with the resources' rows appended, and what each resource added. */
    record Result(List<TextFile> conditions, List<TextFile> medications, List<ValueSetExtension> extensions) {
    }

    private FhirValueSets() {
    }

    /** The ValueSet resources among a knowledge base's files. */
    static List<TextFile> resources(KnowledgeBaseFiles files) {
        return files.files().entrySet().stream().filter(e -> e.getKey().endsWith(SUFFIX))
                .map(e -> new TextFile(e.getKey(), e.getValue())).toList();
    }

    /**
     * Appends the resources' concepts to the condition and medication data files.
     *
     * @param resources   the ValueSet files
     * @param conditions  the conditions.csv files
     * @param medications the medications.csv files
     * @param errors      where problems go
     * @return the extended file lists
     */
    static Result extend(List<TextFile> resources, List<TextFile> conditions, List<TextFile> medications,
                         List<RuleMessage> errors) {
        if (resources.isEmpty()) {
            return new Result(conditions, medications, List.of());
        }
        Existing conditionRows = Existing.of(conditions, 4);
        Existing medicationRows = Existing.of(medications, 4);
        List<TextFile> conditionsOut = new ArrayList<>(conditions);
        List<TextFile> medicationsOut = new ArrayList<>(medications);
        List<ValueSetExtension> extensions = new ArrayList<>();
        for (TextFile resource : resources) {
            String valueSet = valueSetName(resource.name());
            boolean condition = conditionRows.sets.contains(valueSet);
            boolean medication = medicationRows.sets.contains(valueSet);
            if (!condition && !medication) {
                errors.add(new RuleMessage(resource.name(), 0, 0, "no value set " + valueSet + " in "
                        + ConditionValueSets.FILE + " or " + MedicationValueSets.FILE + ": a file NAME" + SUFFIX
                        + " extends the value set NAME"));
                continue;
            }
            JsonNode root = parse(resource, errors);
            if (root == null) {
                continue;
            }
            List<Concept> concepts = concepts(resource.name(), root, errors);
            Map<String, String> systems = condition ? CONDITION_SYSTEMS : MEDICATION_SYSTEMS;
            Existing existing = condition ? conditionRows : medicationRows;
            String routes = condition ? null : medicationRows.routesOf(valueSet);
            StringBuilder csv = new StringBuilder(String.join(",",
                    condition ? ConditionValueSets.HEADER : MedicationValueSets.HEADER)).append('\n');
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (Concept c : concepts) {
                String system = systems.get(c.system());
                if (system == null) {
                    errors.add(new RuleMessage(resource.name(), 0, 0, c.element() + ".system: \"" + c.system()
                            + "\" is not a code system of " + (condition ? "condition" : "medication")
                            + " value sets; expected one of " + systems.keySet().stream().sorted().toList()));
                    continue;
                }
                if (c.code().isEmpty() || !c.code().matches("[A-Za-z0-9.\\-]+")) {
                    errors.add(new RuleMessage(resource.name(), 0, 0, c.element() + ".code: \"" + c.code()
                            + "\" is not a code (letters, digits, dots and hyphens)"));
                    continue;
                }
                if (!existing.add(valueSet + '|' + system + '|' + Codes.normalize(c.code()))) {
                    continue;
                }
                String name = c.display() == null || c.display().isBlank() ? c.code()
                        : c.display().replace(',', ' ').replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
                csv.append(valueSet).append(',').append(system).append(',').append(c.code()).append(",exact,")
                        .append(condition ? "true" : routes).append(",true,").append(name).append('\n');
                counts.merge(system, 1, Integer::sum);
            }
            TextFile rows = new TextFile(resource.name(), csv.toString());
            (condition ? conditionsOut : medicationsOut).add(rows);
            extensions.add(new ValueSetExtension(resource.name(), valueSet, counts));
        }
        return new Result(conditionsOut, medicationsOut, extensions);
    }

    private static String valueSetName(String fileName) {
        String last = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        return last.substring(0, last.length() - SUFFIX.length());
    }

    private static JsonNode parse(TextFile resource, List<RuleMessage> errors) {
        try {
            JsonNode root = JSON.readTree(resource.content());
            if (!(root instanceof ObjectNode)) {
                errors.add(new RuleMessage(resource.name(), 1, 1, "is not a JSON object"));
                return null;
            }
            if (!"ValueSet".equals(root.path("resourceType").asText(null))) {
                errors.add(new RuleMessage(resource.name(), 0, 0, "resourceType: expected \"ValueSet\" but was "
                        + root.path("resourceType")));
                return null;
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            errors.add(new RuleMessage(resource.name(), at == null ? 0 : Math.max(0, at.getLineNr()),
                    at == null ? 0 : Math.max(0, at.getColumnNr()), "is not valid JSON: " + e.getOriginalMessage()));
            return null;
        }
    }

    /** A concept and the element it came from, for messages. */
    private record Concept(String element, String system, String code, String display) {
    }

    private static List<Concept> concepts(String file, JsonNode root, List<RuleMessage> errors) {
        List<Concept> out = new ArrayList<>();
        JsonNode expansion = root.path("expansion");
        if (!expansion.isMissingNode()) {
            contains(file, "expansion.contains", expansion.path("contains"), out, errors);
        } else {
            JsonNode include = root.path("compose").path("include");
            if (!include.isArray()) {
                errors.add(new RuleMessage(file, 0, 0, "has neither expansion.contains nor compose.include"));
                return out;
            }
            for (int i = 0; i < include.size(); i++) {
                JsonNode inc = include.get(i);
                String at = "compose.include[" + i + "]";
                for (String intensional : List.of("filter", "valueSet")) {
                    if (inc.has(intensional)) {
                        errors.add(new RuleMessage(file, 0, 0, at + "." + intensional
                                + ": an intensional definition cannot be expanded here; give the codes in concept[]"
                                + " or send the terminology server's expansion"));
                    }
                }
                JsonNode concept = inc.path("concept");
                if (!concept.isArray()) {
                    if (!inc.has("filter") && !inc.has("valueSet")) {
                        errors.add(new RuleMessage(file, 0, 0, at + ": no concept[] (a whole code system cannot be"
                                + " included)"));
                    }
                    continue;
                }
                for (int j = 0; j < concept.size(); j++) {
                    JsonNode c = concept.get(j);
                    out.add(new Concept(at + ".concept[" + j + "]", inc.path("system").asText(""),
                            c.path("code").asText(""), c.path("display").asText(null)));
                }
            }
            if (root.path("compose").has("exclude")) {
                errors.add(new RuleMessage(file, 0, 0, "compose.exclude: exclusions are not supported; list the"
                        + " included codes only"));
            }
        }
        if (out.isEmpty() && errors.stream().noneMatch(m -> m.resource().equals(file))) {
            errors.add(new RuleMessage(file, 0, 0, "lists no concept"));
        }
        return out;
    }

    private static void contains(String file, String at, JsonNode contains, List<Concept> out,
                                 List<RuleMessage> errors) {
        if (contains.isMissingNode()) {
            return;
        }
        if (!contains.isArray()) {
            errors.add(new RuleMessage(file, 0, 0, at + ": expected an array"));
            return;
        }
        for (int i = 0; i < contains.size(); i++) {
            JsonNode c = contains.get(i);
            String element = at + "[" + i + "]";
            if (!c.path("abstract").asBoolean(false)) {
                out.add(new Concept(element, c.path("system").asText(""), c.path("code").asText(""),
                        c.path("display").asText(null)));
            }
            contains(file, element + ".contains", c.path("contains"), out, errors);
        }
    }

    /** Rows the value sets already have, by value set, system and normalised code; and each set's routes. */
    private static final class Existing {
        final Set<String> sets = new HashSet<>();
        final Set<String> keys = new HashSet<>();
        final Map<String, Set<String>> routes = new HashMap<>();

        static Existing of(List<TextFile> files, int routesColumn) {
            Existing e = new Existing();
            for (TextFile f : files) {
                for (String line : f.content().split("\r?\n")) {
                    String[] fields = line.split(",", -1);
                    if (fields.length < 7 || line.startsWith("#") || fields[0].strip().equals("valueSet")) {
                        continue;
                    }
                    String set = fields[0].strip();
                    e.sets.add(set);
                    if ("exact".equals(fields[3].strip())) {
                        e.keys.add(set + '|' + fields[1].strip() + '|' + Codes.normalize(fields[2]));
                    }
                    e.routes.computeIfAbsent(set, k -> new HashSet<>()).add(fields[routesColumn].strip());
                }
            }
            return e;
        }

        boolean add(String key) {
            return keys.add(key);
        }

        String routesOf(String valueSet) {
            Set<String> all = routes.getOrDefault(valueSet, Set.of());
            return all.size() == 1 ? all.iterator().next() : MedicationValueSets.ROUTES_SYSTEMIC;
        }
    }
}
