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
     * Words that join route words without naming a route ("topical and oral", "for use on the skin", "apply
     * externally"): they are skipped, so they neither make a route non-topical nor hide a word that does.
     */
    private static final Set<String> CONNECTORS = Set.of("a", "an", "and", "apply", "by", "for", "of", "on", "or",
            "the", "to", "use", "via", "with");

    /**
     * The kind of the order's own route. It is {@code skin} only when every word of it names the skin: one word of
     * another kind, or one word the table does not know, makes the whole route that kind ("topical, ophthalmic" and
     * "topical oral" are not topical), so a second route in the text can never hide behind the first.
     *
     * @param route the order's route, never null
     * @return {@code skin}, or the kind of the first word that is not a skin word ({@code unknown} for an unknown word)
     */
    String orderRouteKind(String route) {
        boolean any = false;
        for (String w : Codes.words(route)) {
            if (CONNECTORS.contains(w)) {
                continue;
            }
            any = true;
            String kind = kinds.getOrDefault(w, UNKNOWN);
            if (!SKIN.equals(kind)) {
                return kind;
            }
        }
        return any ? SKIN : UNKNOWN;
    }

    /**
     * The kind of a co-medication's route, read in the conservative direction for interaction screening: one systemic
     * word makes it systemic ("topical, oral" reaches the blood stream); otherwise a word the table does not know makes
     * it unknown (screened as systemic); otherwise a local word wins over a skin word. Without a recorded route, the
     * dose form named in the display text decides: systemic when any word names a systemic form, else the first
     * non-systemic form named ("prednisolone ophthalmic suspension" is local); drug names and strengths are not route
     * words there, so unknown words do not count.
     *
     * @param route   the recorded route; nullable
     * @param display the display text; nullable
     * @return {@code skin}, {@code local}, {@code systemic} or {@code unknown}
     */
    String kindOf(String route, String display) {
        if (route != null) {
            return conservative(Codes.words(route), true);
        }
        return display == null ? UNKNOWN : conservative(Codes.words(display), false);
    }

    private String conservative(String[] words, boolean unknownWordsCount) {
        boolean systemic = false;
        boolean unknown = false;
        boolean local = false;
        boolean skin = false;
        for (String w : words) {
            if (CONNECTORS.contains(w)) {
                continue;
            }
            String kind = kinds.get(w);
            if (kind == null) {
                unknown = true;
            } else if (SYSTEMIC.equals(kind)) {
                systemic = true;
            } else if (LOCAL.equals(kind)) {
                local = true;
            } else {
                skin = true;
            }
        }
        if (systemic) {
            return SYSTEMIC;
        }
        if (unknown && unknownWordsCount || !local && !skin) {
            return UNKNOWN;
        }
        return local ? LOCAL : SKIN;
    }
}
