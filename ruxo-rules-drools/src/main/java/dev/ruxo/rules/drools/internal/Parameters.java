package dev.ruxo.rules.drools.internal;

import dev.ruxo.rules.RuleMessage;
import dev.ruxo.rules.drools.facts.Param;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads parameters.csv: every threshold the rules compare against, with its source and its valid range. A parameter
 * defined again in a later file (a rules folder) overrides the earlier value; twice in one file is an error.
 *
 * <p>Each parameter's first definition (the built-in one, for a rules folder that extends the built-in knowledge base)
 * sets its valid range ({@code min} and {@code max}, inclusive) and which way a change loosens the label's limit
 * ({@code looser}: {@code higher}, {@code lower} or {@code none}). A value outside the range is an error: a quantity
 * window of 0 days would switch the quantity check off. A later value that is looser than the first one is allowed,
 * since a site may have its reasons, but it is reported as loosening a label limit. A rules folder may still write the
 * shorter header without the three range columns; its overrides keep the built-in range, and a new parameter without
 * a range is reported.
 */
final class Parameters {

    static final String FILE = "parameters.csv";
    static final List<String> HEADER = List.of("id", "value", "unit", "section", "revision", "verified", "description",
            "min", "max", "looser");
    /** The header of rules folders written before parameters had ranges. */
    static final List<String> SHORT_HEADER = HEADER.subList(0, 7);
    static final String HIGHER = "higher";
    static final String LOWER = "lower";
    static final String NONE = "none";
    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9_]*");

    /** A parameter's valid range and the direction that loosens it, from its first definition. */
    private record Range(BigDecimal min, BigDecimal max, String looser, BigDecimal labelValue, String definedAt) {
    }

    private Parameters() {
    }

    static Map<String, Param> read(List<TextFile> files, List<RuleMessage> errors) {
        return read(files, errors, new ArrayList<>());
    }

    /**
     * Reads every parameters file in load order.
     *
     * @param files    the files
     * @param errors   receives errors
     * @param warnings receives loosened label limits and parameters without a range
     * @return the parameters by id, the last definition of each
     */
    static Map<String, Param> read(List<TextFile> files, List<RuleMessage> errors, List<RuleMessage> warnings) {
        Map<String, Param> params = new LinkedHashMap<>();
        Map<String, String> definedIn = new HashMap<>();
        Map<String, Range> ranges = new HashMap<>();
        for (TextFile file : files) {
            List<String> header = shortHeader(file.content()) ? SHORT_HEADER : HEADER;
            for (CsvTable.Row row : CsvTable.parse(file.name(), file.content(), header, errors)) {
                Param param = param(row, errors);
                if (param == null) {
                    continue;
                }
                String id = param.id();
                Range range = ranges.get(id);
                if (range == null) {
                    range = header == HEADER ? range(row, param, errors) : null;
                    if (range == null && header == SHORT_HEADER) {
                        warnings.add(row.error("id", "parameter " + id + " has no valid range: add the columns "
                                + "min,max,looser (see docs/authoring-rules.md)"));
                    } else if (range == null) {
                        continue;
                    } else {
                        ranges.put(id, range);
                    }
                } else if (header == HEADER && !sameRange(row, range)) {
                    errors.add(row.error("min", "the valid range of " + id + " is set by its first definition at "
                            + range.definedAt() + "; leave min, max and looser empty here or repeat them"));
                    continue;
                }
                if (range != null && !inRange(param.value(), range)) {
                    errors.add(row.error("value", "value of " + id + " must be between " + range.min().toPlainString()
                            + " and " + range.max().toPlainString() + " (its valid range) but was " + param.text()));
                    continue;
                }
                if (range != null && loosens(param.value(), range)) {
                    warnings.add(row.error("value", "parameter " + id + " = " + param.text() + " loosens a label limit:"
                            + " the label's value is " + range.labelValue().stripTrailingZeros().toPlainString() + " ("
                            + range.definedAt() + ")"));
                }
                String earlier = definedIn.put(id, row.resource());
                if (row.resource().equals(earlier)) {
                    errors.add(row.error("id", "duplicate parameter " + id));
                }
                params.put(id, param);
            }
        }
        return params;
    }

    private static boolean shortHeader(String content) {
        for (String line : content.split("\r?\n")) {
            String text = line.startsWith("\uFEFF") ? line.substring(1) : line;
            if (text.isBlank() || text.startsWith("#")) {
                continue;
            }
            return text.replace(" ", "").equalsIgnoreCase(String.join(",", SHORT_HEADER));
        }
        return false;
    }

    private static Param param(CsvTable.Row row, List<RuleMessage> errors) {
        String id = row.get("id");
        boolean ok = true;
        if (!ID.matcher(id).matches()) {
            errors.add(row.error("id", "id must be UPPER_SNAKE_CASE but was \"" + id + "\""));
            ok = false;
        }
        BigDecimal value = number(row, "value", errors);
        ok &= value != null;
        Boolean verified = CsvTable.bool(row, "verified", errors);
        String section = CsvTable.required(row, "section", errors);
        String revision = CsvTable.required(row, "revision", errors);
        String description = CsvTable.required(row, "description", errors);
        if (!ok || verified == null || section == null || revision == null || description == null) {
            return null;
        }
        return new Param(id, value, row.get("unit"), section, revision, verified, description);
    }

    private static Range range(CsvTable.Row row, Param param, List<RuleMessage> errors) {
        BigDecimal min = number(row, "min", errors);
        BigDecimal max = number(row, "max", errors);
        String looser = CsvTable.oneOf(row, "looser", Set.of(HIGHER, LOWER, NONE), errors);
        if (min == null || max == null || looser == null) {
            return null;
        }
        if (min.compareTo(max) > 0) {
            errors.add(row.error("min", "min of " + param.id() + " must not be above its max"));
            return null;
        }
        return new Range(min, max, looser, param.value(), row.resource() + ":" + row.line());
    }

    private static boolean sameRange(CsvTable.Row row, Range range) {
        if (row.get("min").isEmpty() && row.get("max").isEmpty() && row.get("looser").isEmpty()) {
            return true;
        }
        try {
            return new BigDecimal(row.get("min")).compareTo(range.min()) == 0
                    && new BigDecimal(row.get("max")).compareTo(range.max()) == 0
                    && row.get("looser").equals(range.looser());
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static BigDecimal number(CsvTable.Row row, String column, List<RuleMessage> errors) {
        String text = row.get(column);
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.abs().compareTo(BigDecimal.TEN.pow(9)) >= 0 || value.scale() > 30) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            errors.add(row.error(column, column + " of " + row.get("id") + " must be a decimal number below "
                    + "1000000000 with at most 30 decimal places but was " + dev.ruxo.rules.SafeText.quote(text)));
            return null;
        }
    }

    private static boolean inRange(BigDecimal value, Range range) {
        return value.compareTo(range.min()) >= 0 && value.compareTo(range.max()) <= 0;
    }

    private static boolean loosens(BigDecimal value, Range range) {
        int c = value.compareTo(range.labelValue());
        return HIGHER.equals(range.looser()) && c > 0 || LOWER.equals(range.looser()) && c < 0;
    }
}
