package dev.ruxo.rules.cdshooks;

import java.util.List;

/**
 * The feedback report: per rule, how often its card was shown, accepted and overridden, and why it was overridden.
 *
 * @param rules one row per rule, most shown first
 * @since 0.1.0
 */
public record FeedbackSummary(List<RuleFeedback> rules) {

    /** The rule id under which feedback on cards this service never recorded is counted. */
    public static final String UNKNOWN_CARD = "(card not shown by this service)";

    /**
     * Copies the list.
     *
     * @param rules one row per rule, most shown first
     */
    public FeedbackSummary {
        rules = List.copyOf(rules);
    }

    /**
     * The counts of one rule.
     *
     * @param ruleId     the rule
     * @param shown      cards shown (one per hook instance)
     * @param accepted   feedback items with outcome accepted
     * @param overridden feedback items with outcome overridden
     * @param topReasons the most frequent override reasons, most frequent first, at most three
     */
    public record RuleFeedback(String ruleId, long shown, long accepted, long overridden, List<Reason> topReasons) {

        /**
         * Copies the list.
         *
         * @param ruleId     the rule
         * @param shown      cards shown (one per hook instance)
         * @param accepted   feedback items with outcome accepted
         * @param overridden feedback items with outcome overridden
         * @param topReasons the most frequent override reasons, most frequent first, at most three
         */
        public RuleFeedback {
            topReasons = List.copyOf(topReasons);
        }
    }

    /**
     * An override reason and how often it was given.
     *
     * @param code    the reason code, or {@code (none)} when the EHR sent none
     * @param display its display text; nullable
     * @param count   how often
     */
    public record Reason(String code, String display, long count) {
    }

    /**
     * The report as text, one block per rule, as {@code ruxo feedback-report} prints it.
     *
     * @return the text, ending with a newline
     */
    public String toText() {
        StringBuilder out = new StringBuilder();
        if (rules.isEmpty()) {
            return "no cards shown and no feedback recorded yet\n";
        }
        out.append(String.format("%-32s %7s %9s %11s  %s%n", "rule", "shown", "accepted", "overridden",
                "top override reasons"));
        for (RuleFeedback r : rules) {
            StringBuilder reasons = new StringBuilder();
            for (Reason reason : r.topReasons()) {
                if (reasons.length() > 0) {
                    reasons.append("; ");
                }
                reasons.append(reason.display() == null ? reason.code() : reason.display()).append(" (")
                        .append(reason.count()).append(')');
            }
            out.append(String.format("%-32s %7d %9d %11d  %s%n", r.ruleId(), r.shown(), r.accepted(),
                    r.overridden(), reasons.length() == 0 ? "-" : reasons));
        }
        return out.toString();
    }
}
