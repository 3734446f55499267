package dev.ruxo.rules.drools.internal;

import dev.ruxo.rules.RuleMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A data file in the knowledge base: comma-separated, a header row, no quoting (fields never contain commas), blank
 * lines and lines starting with {@code #} ignored. Problems are collected as {@link RuleMessage}s with line and column
 * rather than thrown, so an author sees every bad row at once.
 */
final class CsvTable {

    /** One data row: its 1-based line number and its fields by header name. */
    record Row(String resource, int line, List<String> header, List<String> fields, List<Integer> columns) {

        String get(String name) {
            return fields.get(header.indexOf(name));
        }

        /** 1-based column where field {@code name} starts. */
        int column(String name) {
            return columns.get(header.indexOf(name));
        }

        RuleMessage error(String name, String text) {
            return new RuleMessage(resource, line, column(name), text);
        }
    }

    private CsvTable() {
    }

    /** The rows of every file in order; each file has its own header. */
    static List<Row> parseAll(List<TextFile> files, List<String> header, List<RuleMessage> errors) {
        List<Row> rows = new ArrayList<>();
        for (TextFile f : files) {
            rows.addAll(parse(f.name(), f.content(), header, errors));
        }
        return rows;
    }

    static List<Row> parse(String resource, String content, List<String> header, List<RuleMessage> errors) {
        List<Row> rows = new ArrayList<>();
        // A byte-order mark (some editors write one) is not part of the header.
        String[] lines = (content.startsWith("\uFEFF") ? content.substring(1) : content).split("\r?\n", -1);
        boolean headerSeen = false;
        for (int i = 0; i < lines.length; i++) {
            String text = lines[i];
            int lineNo = i + 1;
            if (text.isBlank() || text.startsWith("#")) {
                continue;
            }
            List<String> fields = new ArrayList<>();
            List<Integer> columns = new ArrayList<>();
            int start = 0;
            while (true) {
                int comma = text.indexOf(',', start);
                int end = comma < 0 ? text.length() : comma;
                fields.add(text.substring(start, end).strip());
                columns.add(start + 1);
                if (comma < 0) {
                    break;
                }
                start = comma + 1;
            }
            if (!headerSeen) {
                headerSeen = true;
                List<String> names = fields.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
                List<String> expected = header.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
                if (!names.equals(expected)) {
                    errors.add(new RuleMessage(resource, lineNo, 1,
                            "header must be " + String.join(",", header) + " but was " + text.strip()));
                    return rows;
                }
                continue;
            }
            if (fields.size() != header.size()) {
                errors.add(new RuleMessage(resource, lineNo, 1,
                        "expected " + header.size() + " fields (" + String.join(",", header) + ") but found "
                                + fields.size()));
                continue;
            }
            rows.add(new Row(resource, lineNo, header, fields, columns));
        }
        if (!headerSeen) {
            errors.add(new RuleMessage(resource, 1, 1, "empty file: expected the header " + String.join(",", header)));
        }
        return rows;
    }

    /** Reads a required field that must be one of {@code allowed}; records an error and returns null otherwise. */
    static String oneOf(Row row, String name, Set<String> allowed, List<RuleMessage> errors) {
        String value = row.get(name);
        if (!allowed.contains(value)) {
            errors.add(row.error(name, name + " must be one of " + allowed.stream().sorted().toList() + " but was \""
                    + value + "\""));
            return null;
        }
        return value;
    }

    static Boolean bool(Row row, String name, List<RuleMessage> errors) {
        String value = oneOf(row, name, Set.of("true", "false"), errors);
        return value == null ? null : Boolean.valueOf(value);
    }

    static String required(Row row, String name, List<RuleMessage> errors) {
        String value = row.get(name);
        if (value.isEmpty()) {
            errors.add(row.error(name, name + " is required"));
            return null;
        }
        return value;
    }
}
