package dev.ruxo.rules.drools.internal;

import dev.ruxo.rules.RuleMessage;
import dev.ruxo.rules.drools.facts.Param;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads parameters.csv: every threshold the rules compare against, with its source. A parameter defined again in a
 * later file (a rules folder) overrides the earlier value; twice in one file is an error.
 */
final class Parameters {

    static final String FILE = "parameters.csv";
    static final List<String> HEADER = List.of("id", "value", "unit", "section", "revision", "verified", "description");
    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9_]*");

    private Parameters() {
    }

    static Map<String, Param> read(List<TextFile> files, List<RuleMessage> errors) {
        Map<String, Param> params = new LinkedHashMap<>();
        Map<String, String> definedIn = new java.util.HashMap<>();
        for (CsvTable.Row row : CsvTable.parseAll(files, HEADER, errors)) {
            String id = row.get("id");
            boolean ok = true;
            if (!ID.matcher(id).matches()) {
                errors.add(row.error("id", "id must be UPPER_SNAKE_CASE but was \"" + id + "\""));
                ok = false;
            }
            BigDecimal value = null;
            try {
                value = new BigDecimal(row.get("value"));
            } catch (NumberFormatException e) {
                errors.add(row.error("value", "value of " + id + " must be a decimal number but was \""
                        + row.get("value") + "\""));
                ok = false;
            }
            Boolean verified = CsvTable.bool(row, "verified", errors);
            String section = CsvTable.required(row, "section", errors);
            String revision = CsvTable.required(row, "revision", errors);
            String description = CsvTable.required(row, "description", errors);
            if (!ok || verified == null || section == null || revision == null || description == null) {
                continue;
            }
            Param param = new Param(id, value, row.get("unit"), section, revision, verified, description);
            String earlier = definedIn.put(id, row.resource());
            if (row.resource().equals(earlier)) {
                errors.add(row.error("id", "duplicate parameter " + id));
            }
            params.put(id, param);
        }
        return params;
    }
}
