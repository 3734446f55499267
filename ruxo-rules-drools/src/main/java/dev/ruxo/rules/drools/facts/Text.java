package dev.ruxo.rules.drools.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Wording helpers for rule consequences. */
public final class Text {

    private static final int MAX_LISTED = 3;

    private Text() {
    }

    /**
     * The first three distinct items, in sorted order so that the text does not depend on the order of the request's
     * lists, joined with commas, then "and N more".
     *
     * @param items the items
     * @return the text
     */
    public static String list(List<?> items) {
        return join(items.stream().map(Objects::toString).distinct().sorted().toList());
    }

    /**
     * Joins several lists, sorted as in {@link #list(List)}, after an optional leading reason.
     *
     * @param lead  a reason that comes first, or null
     * @param lists further reasons
     * @return the text
     */
    public static String reasons(String lead, List<?>... lists) {
        List<String> all = new ArrayList<>();
        if (lead != null) {
            all.add(lead);
        }
        Stream.of(lists).flatMap(List::stream).map(Objects::toString).distinct().sorted()
                .filter(reason -> !reason.equals(lead)).forEach(all::add);
        return join(all);
    }

    private static String join(List<String> distinct) {
        String head = distinct.stream().limit(MAX_LISTED).collect(Collectors.joining(", "));
        return distinct.size() <= MAX_LISTED ? head : head + " and " + (distinct.size() - MAX_LISTED) + " more";
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
