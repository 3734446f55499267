package dev.ruxo.rules;

import java.util.Comparator;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One thing the knowledge base found about an order. Shown to a clinician as one CDS Hooks card.
 *
 * @param ruleId      the stable id of the rule that found it, such as {@code RUXO-DOSE-BSA-AD}
 * @param category    what it is about
 * @param severity    how severe it is
 * @param summary     one line of at most {@value #MAX_SUMMARY_LENGTH} characters
 * @param detail      the explanation; nullable
 * @param source      where it comes from
 * @param overridable whether a prescriber may override it with a reason
 * @since 0.1.0
 */
public record Finding(
        String ruleId,
        Category category,
        Severity severity,
        String summary,
        @Nullable String detail,
        Source source,
        boolean overridable) {

    /** The longest summary allowed: a CDS Hooks card summary. */
    public static final int MAX_SUMMARY_LENGTH = 140;

    /** The output order of the wire format: severity (CRITICAL first), then rule id, then summary. */
    public static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::severity, Comparator.reverseOrder())
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::summary)
            .thenComparing(f -> f.detail() == null ? "" : f.detail());

    /**
     * Checks the components.
     *
     * @param ruleId the stable id of the rule that found it, such as {@code RUXO-DOSE-BSA-AD}
     * @param category what it is about
     * @param severity how severe it is
     * @param summary one line of at most {@value #MAX_SUMMARY_LENGTH} characters
     * @param detail the explanation; nullable
     * @param source where it comes from
     * @param overridable whether a prescriber may override it with a reason
     * @throws IllegalArgumentException when the summary is blank or too long
     */
    public Finding {
        Objects.requireNonNull(ruleId, "ruleId must not be null");
        Objects.requireNonNull(category, "category must not be null");
        Objects.requireNonNull(severity, "severity must not be null");
        Objects.requireNonNull(summary, "summary must not be null");
        Objects.requireNonNull(source, "source must not be null");
        if (summary.isBlank() || summary.length() > MAX_SUMMARY_LENGTH) {
            throw new IllegalArgumentException("summary must have 1 to " + MAX_SUMMARY_LENGTH
                    + " characters, had " + summary.length() + " in rule " + ruleId);
        }
    }
}
