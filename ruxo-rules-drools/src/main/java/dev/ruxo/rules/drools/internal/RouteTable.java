package dev.ruxo.rules.drools.internal;

import dev.ruxo.rules.RuleMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * routes.csv: route and dose-form words and their kind. {@code skin} is the cream's own route; {@code local} covers
 * other non-systemic routes (eye, ear, nose, lungs, vagina, rectum); {@code systemic} reaches the blood stream.
 */
final class RouteTable {

    static final String FILE = "routes.csv";
    static final List<String> HEADER = List.of("word", "kind");
    static final String SKIN = "skin";
    static final String SYSTEMIC = "systemic";
    static final String LOCAL = "local";
    static final String UNKNOWN = "unknown";

    private final Map<String, String> kinds;

    private RouteTable(Map<String, String> kinds) {
        this.kinds = kinds;
    }

    static RouteTable read(List<TextFile> files, List<RuleMessage> errors) {
        Map<String, String> kinds = new HashMap<>();
        Map<String, String> definedIn = new HashMap<>();
        for (CsvTable.Row row : CsvTable.parseAll(files, HEADER, errors)) {
            String word = row.get("word").toLowerCase(Locale.ROOT);
            String kind = CsvTable.oneOf(row, "kind", Set.of(SKIN, SYSTEMIC, LOCAL), errors);
            if (word.isEmpty() || Codes.words(word).length != 1) {
                errors.add(row.error("word", "word must be one word of letters and digits but was \""
                        + row.get("word") + "\""));
            } else if (kind != null) {
                if (row.resource().equals(definedIn.put(word, row.resource()))) {
                    errors.add(row.error("word", "duplicate route word " + word));
                }
                kinds.put(word, kind);
            }
        }
        return new RouteTable(kinds);
    }

    /**
     * The kind of a recorded route, or of the dose form named in a display text when the route is not recorded.
     * Words naming a non-systemic route win over systemic ones ("prednisolone ophthalmic suspension" is local).
     */
    String kindOf(String route, String display) {
        if (route != null) {
            return strongest(Codes.words(route));
        }
        return display == null ? UNKNOWN : strongest(Codes.words(display));
    }

    private String strongest(String[] words) {
        boolean systemic = false;
        String local = null;
        for (String w : words) {
            String kind = kinds.get(w);
            if (SYSTEMIC.equals(kind)) {
                systemic = true;
            } else if (kind != null && local == null) {
                local = kind;
            }
        }
        if (local != null) {
            return local;
        }
        return systemic ? SYSTEMIC : UNKNOWN;
    }
}
