package dev.ruxo.rules.drools.internal;

import dev.ruxo.rules.RuleMessage;
import dev.ruxo.rules.drools.facts.Param;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads parameters.csv: every threshold the rules compare against, with its source. */
final class Parameters {

    static final String FILE = "parameters.csv";
    static final List<String> HEADER = List.of("id", "value", "unit", "section", "revision", "verified", "description");
    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9_]*");

    private Parameters() {
    }

    static Map<String, Param> read(String content, List<RuleMessage> errors) {
        Map<String, Param> params = new LinkedHashMap<>();
        for (CsvTable.Row row : CsvTable.parse(FILE, content, HEADER, errors)) {
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
            if (params.putIfAbsent(id, param) != null) {
                errors.add(row.error("id", "duplicate parameter " + id));
            }
        }
        return params;
    }
}
