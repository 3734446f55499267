package dev.ruxo.rules.drools.internal;

import dev.ruxo.rules.CodeSystems;
import dev.ruxo.rules.RuleMessage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** conditions.csv: diagnosis value sets in ICD-10-CM and SNOMED CT. */
final class ConditionValueSets {

    static final String FILE = "conditions.csv";
    static final List<String> HEADER = List.of("valueSet", "system", "code", "match", "include", "verified", "name");
    static final Map<String, String> SYSTEMS = Map.of("icd10cm", CodeSystems.ICD_10_CM, "snomed", CodeSystems.SNOMED_CT);

    /** One row. */
    record Row(String valueSet, String system, String code, boolean prefix, boolean include, boolean verified,
               String name) implements CodeIndex.Entry {
    }

    /** A value set a condition falls in, with the row that decided it. */
    record Match(String valueSet, Row row) {
    }

    private final CodeIndex<Row> index;
    private final Set<String> names;

    private ConditionValueSets(CodeIndex<Row> index, Set<String> names) {
        this.index = index;
        this.names = names;
    }

    static ConditionValueSets read(List<TextFile> files, List<RuleMessage> errors) {
        CodeIndex<Row> index = new CodeIndex<>();
        Set<String> names = new LinkedHashSet<>();
        Set<String> seen = new java.util.HashSet<>();
        for (CsvTable.Row r : CsvTable.parseAll(files, HEADER, errors)) {
            String valueSet = ValueSetNames.check(r, errors);
            String system = CsvTable.oneOf(r, "system", SYSTEMS.keySet(), errors);
            String match = CsvTable.oneOf(r, "match", Set.of("exact", "prefix"), errors);
            Boolean include = CsvTable.bool(r, "include", errors);
            Boolean verified = CsvTable.bool(r, "verified", errors);
            String code = CsvTable.required(r, "code", errors);
            String name = CsvTable.required(r, "name", errors);
            if (valueSet == null || system == null || match == null || include == null || verified == null
                    || code == null || name == null) {
                continue;
            }
            String normalized = Codes.normalize(code);
            if (!seen.add(valueSet + '|' + system + '|' + normalized + '|' + match)) {
                errors.add(r.error("code", "duplicate row for " + code + " in " + valueSet));
                continue;
            }
            names.add(valueSet);
            index.add(SYSTEMS.get(system), normalized,
                    new Row(valueSet, system, code, "prefix".equals(match), include, verified, name));
        }
        return new ConditionValueSets(index, names);
    }

    /** The value sets {@code system|code} is in, after exclusions. */
    List<Match> match(String system, String code) {
        List<Match> out = new ArrayList<>(2);
        index.lookup(system, Codes.normalize(code)).forEach((set, row) -> {
            if (row.include()) {
                out.add(new Match(set, row));
            }
        });
        return out;
    }

    /**
     * Whether a condition with this coding was screened: ICD-10-CM codes always are (the value sets match by prefix,
     * so a code outside them is known to fall in none); a code of another system only when some row of some value
     * set, an exclusion row or a known-irrelevant one included, names it.
     */
    boolean screens(String system, String code) {
        return CodeSystems.ICD_10_CM.equals(system) || !index.lookup(system, Codes.normalize(code)).isEmpty();
    }

    boolean contains(String system, String code, String valueSet) {
        return contains(match(system, code), valueSet);
    }

    /** Whether {@code matches}, the result of {@link #match}, include {@code valueSet}. */
    static boolean contains(List<Match> matches, String valueSet) {
        for (Match m : matches) {
            if (m.valueSet().equals(valueSet)) {
                return true;
            }
        }
        return false;
    }

    Set<String> valueSetNames() {
        return names;
    }
}
