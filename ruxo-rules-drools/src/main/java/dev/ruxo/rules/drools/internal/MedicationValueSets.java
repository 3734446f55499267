package dev.ruxo.rules.drools.internal;

import dev.ruxo.rules.CodeSystems;
import dev.ruxo.rules.RuleMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * medications.csv: drug classes by RxNorm ingredient code, ATC code (exact or class prefix) and generic or brand
 * name. A name matches whole words of a medication's display text, case-insensitively.
 */
final class MedicationValueSets {

    static final String FILE = "medications.csv";
    static final List<String> HEADER = List.of("valueSet", "system", "code", "match", "routes", "verified", "name");
    static final Map<String, String> CODE_SYSTEMS = Map.of("rxnorm", CodeSystems.RXNORM, "atc", CodeSystems.ATC);
    static final String NAME_SYSTEM = "name";
    static final String ROUTES_ANY = "any";
    static final String ROUTES_SYSTEMIC = "systemic";
    static final String ROUTES_TOPICAL = "topical";

    /** One row. */
    record Row(String valueSet, String system, String code, boolean prefix, String routes, boolean verified,
               String name) implements CodeIndex.Entry {

        /** Whether a medication with this route kind counts for this row. An unknown route counts as systemic. */
        boolean routeApplies(String routeKind) {
            return switch (routes) {
                case ROUTES_ANY -> true;
                case ROUTES_SYSTEMIC -> RouteTable.SYSTEMIC.equals(routeKind) || RouteTable.UNKNOWN.equals(routeKind);
                default -> RouteTable.SKIN.equals(routeKind);
            };
        }
    }

    private final CodeIndex<Row> codes;
    private final Map<String, List<Row>> byName;
    /** Every name and every leading run of its words ("solu", "solu medrol"): phrases worth extending. */
    private final Set<String> namePrefixes;
    private final Set<String> names;

    private MedicationValueSets(CodeIndex<Row> codes, Map<String, List<Row>> byName, Set<String> names) {
        this.codes = codes;
        this.byName = byName;
        this.namePrefixes = new HashSet<>();
        for (String name : byName.keySet()) {
            for (int space = name.indexOf(' '); space >= 0; space = name.indexOf(' ', space + 1)) {
                namePrefixes.add(name.substring(0, space));
            }
            namePrefixes.add(name);
        }
        this.names = names;
    }

    static MedicationValueSets read(List<TextFile> files, List<RuleMessage> errors) {
        CodeIndex<Row> codes = new CodeIndex<>();
        Map<String, List<Row>> byName = new HashMap<>();
        Set<String> names = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        Set<String> systems = new HashSet<>(CODE_SYSTEMS.keySet());
        systems.add(NAME_SYSTEM);
        for (CsvTable.Row r : CsvTable.parseAll(files, HEADER, errors)) {
            String valueSet = ValueSetNames.check(r, errors);
            String system = CsvTable.oneOf(r, "system", systems, errors);
            String match = CsvTable.oneOf(r, "match", Set.of("exact", "prefix"), errors);
            String routes = CsvTable.oneOf(r, "routes", Set.of(ROUTES_ANY, ROUTES_SYSTEMIC, ROUTES_TOPICAL), errors);
            Boolean verified = CsvTable.bool(r, "verified", errors);
            String code = CsvTable.required(r, "code", errors);
            String name = CsvTable.required(r, "name", errors);
            if (valueSet == null || system == null || match == null || routes == null || verified == null
                    || code == null || name == null) {
                continue;
            }
            if (NAME_SYSTEM.equals(system) && "prefix".equals(match)) {
                errors.add(r.error("match", "names match whole words; use match exact for system name"));
                continue;
            }
            String key = NAME_SYSTEM.equals(system) ? String.join(" ", Codes.words(code)) : Codes.normalize(code);
            if (key.isEmpty()) {
                errors.add(r.error("code", "code has no letters or digits"));
                continue;
            }
            if (!seen.add(valueSet + '|' + system + '|' + key + '|' + match)) {
                errors.add(r.error("code", "duplicate row for " + code + " in " + valueSet));
                continue;
            }
            names.add(valueSet);
            Row row = new Row(valueSet, system, code, "prefix".equals(match), routes, verified, name);
            if (NAME_SYSTEM.equals(system)) {
                byName.computeIfAbsent(key, k -> new ArrayList<>(1)).add(row);
            } else {
                codes.add(CODE_SYSTEMS.get(system), key, row);
            }
        }
        return new MedicationValueSets(codes, byName, names);
    }

    /**
     * Every value set the medication falls in, by code first and then by name; one row per value set.
     *
     * @param system  the code system URI; nullable
     * @param code    the code; nullable
     * @param display the display text; nullable
     * @param routeKind the medication's route kind: among several rows of one value set, one whose route applies wins
     */
    Map<String, Row> match(String system, String code, String display, String routeKind) {
        Map<String, Row> out = new LinkedHashMap<>();
        if (system != null && code != null) {
            codes.lookup(system, Codes.normalize(code)).forEach((set, row) -> keepBetter(out, row, routeKind));
        }
        if (display != null) {
            String[] words = Codes.words(display);
            for (int start = 0; start < words.length; start++) {
                // Extend a phrase word by word only while some name still begins with it: most words of a
                // medication text (strengths, units, dose forms) begin no name and cost one lookup.
                String phrase = words[start];
                for (int end = start + 1; namePrefixes.contains(phrase); end++) {
                    List<Row> rows = byName.get(phrase);
                    if (rows != null) {
                        rows.forEach(r -> keepBetter(out, r, routeKind));
                    }
                    if (end == words.length) {
                        break;
                    }
                    phrase = phrase + ' ' + words[end];
                }
            }
        }
        return out;
    }

    private static void keepBetter(Map<String, Row> out, Row candidate, String routeKind) {
        out.merge(candidate.valueSet(), candidate,
                (old, now) -> !old.routeApplies(routeKind) && now.routeApplies(routeKind) ? now : old);
    }

    Set<String> valueSetNames() {
        return names;
    }
}
