package dev.ruxo.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a {@link CheckRequest}: a decision and the findings behind it.
 *
 * @param decision      STOP if any finding is CRITICAL, else REVIEW if any is WARNING, else PROCEED
 * @param findings      sorted by {@link Finding#ORDER}
 * @param knowledgeBase the knowledge base that produced it
 * @since 0.1.0
 */
public record Assessment(Decision decision, List<Finding> findings, KnowledgeBaseInfo knowledgeBase) {

    /**
     * Checks that the decision is the one the findings force and that they are in wire order.
     *
     * @throws IllegalArgumentException when the decision does not follow from the findings
     */
    public Assessment {
        Objects.requireNonNull(decision, "decision must not be null");
        Objects.requireNonNull(knowledgeBase, "knowledgeBase must not be null");
        findings = List.copyOf(findings);
        Decision expected = decisionFor(findings);
        if (decision != expected) {
            throw new IllegalArgumentException("decision " + decision + " does not follow from the findings, which force "
                    + expected);
        }
        for (int i = 1; i < findings.size(); i++) {
            if (Finding.ORDER.compare(findings.get(i - 1), findings.get(i)) > 0) {
                throw new IllegalArgumentException("findings must be sorted by Finding.ORDER");
            }
        }
    }

    /**
     * An assessment of {@code findings} in any order: sorts them and derives the decision.
     *
     * @param findings      the findings
     * @param knowledgeBase the knowledge base that produced them
     * @return the assessment
     */
    public static Assessment of(List<Finding> findings, KnowledgeBaseInfo knowledgeBase) {
        List<Finding> sorted = findings.stream().sorted(Finding.ORDER).toList();
        return new Assessment(decisionFor(sorted), sorted, knowledgeBase);
    }

    /**
     * The decision {@code findings} force.
     *
     * @param findings the findings
     * @return the decision of the highest severity, PROCEED when there are none
     */
    public static Decision decisionFor(List<Finding> findings) {
        return highestSeverity(findings).map(Severity::decision).orElse(Decision.PROCEED);
    }

    /**
     * The highest severity among the findings.
     *
     * @return empty when there are no findings
     */
    public Optional<Severity> highestSeverity() {
        return highestSeverity(findings);
    }

    private static Optional<Severity> highestSeverity(List<Finding> findings) {
        return findings.stream().map(Finding::severity).max(Enum::compareTo);
    }
}
