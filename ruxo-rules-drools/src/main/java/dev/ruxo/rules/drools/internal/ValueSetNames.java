package dev.ruxo.rules.drools.internal;

import dev.ruxo.rules.RuleMessage;
import java.util.List;
import java.util.regex.Pattern;

/** Value-set names are UPPER_SNAKE_CASE, so a rule's {@code valueSet == "..."} reference can be checked. */
final class ValueSetNames {

    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    private ValueSetNames() {
    }

    static String check(CsvTable.Row row, List<RuleMessage> errors) {
        String value = row.get("valueSet");
        if (!NAME.matcher(value).matches()) {
            errors.add(row.error("valueSet", "valueSet must be UPPER_SNAKE_CASE but was \"" + value + "\""));
            return null;
        }
        return value;
    }
}
