package dev.ruxo.rules.drools.facts;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Wording helpers for rule consequences. */
public final class Text {

    private static final int MAX_LISTED = 3;

    private Text() {
    }

    /**
     * The first three distinct items joined with commas, then "and N more".
     *
     * @param items the items
     * @return the text
     */
    public static String list(List<?> items) {
        List<String> distinct = items.stream().map(Objects::toString).distinct().toList();
        String head = distinct.stream().limit(MAX_LISTED).collect(Collectors.joining(", "));
        return distinct.size() <= MAX_LISTED ? head : head + " and " + (distinct.size() - MAX_LISTED) + " more";
    }

    /**
     * Joins several lists and an optional leading reason.
     *
     * @param lead  a reason that comes first, or null
     * @param lists further reasons
     * @return the text
     */
    public static String reasons(String lead, List<?>... lists) {
        List<Object> all = new java.util.ArrayList<>();
        if (lead != null) {
            all.add(lead);
        }
        for (List<?> l : lists) {
            all.addAll(l);
        }
        return list(all);
    }

    /**
     * A matched medication as a person reads it: its text, followed by the generic name in parentheses when the text
     * does not already contain it ("Jakafi 10 mg tablet (ruxolitinib)", "dupilumab 300 MG/2ML").
     *
     * @param m the match
     * @return the text
     */
    public static String medication(MedicationMatch m) {
        String lower = m.text().toLowerCase(java.util.Locale.ROOT);
        return lower.contains(m.name().toLowerCase(java.util.Locale.ROOT)) ? m.text() : m.text() + " (" + m.name() + ")";
    }

    /**
     * Why a medication matched, for a finding's detail: its route, and whether the route was assumed.
     *
     * @param m the match
     * @return the text
     */
    public static String route(MedicationMatch m) {
        return m.routeKnown() ? ""
                : " The route was not recorded and the text names no dose form, so it is assumed to be systemic.";
    }
}
