package dev.ruxo.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a {@link CheckRequest}: a decision and the findings behind it, and which knowledge base, library and
 * wire format produced it.
 *
 * @param decision          STOP if any finding is CRITICAL, else REVIEW if any is WARNING, else PROCEED
 * @param findings          sorted by {@link Finding#ORDER}
 * @param knowledgeBase     the knowledge base that produced it
 * @param libraryVersion    the version of the ruxo-rules library that produced it, such as {@code 0.1.0}
 * @param wireFormatVersion the version of the JSON wire format it is written in, {@link RuxoRules#WIRE_FORMAT_VERSION}
 * @since 0.1.0
 */
public record Assessment(Decision decision, List<Finding> findings, KnowledgeBaseInfo knowledgeBase,
        String libraryVersion, int wireFormatVersion) {

    /**
     * Checks that the decision is the one the findings force and that they are in wire order.
     *
     * @param decision          STOP if any finding is CRITICAL, else REVIEW if any is WARNING, else PROCEED
     * @param findings          sorted by {@link Finding#ORDER}
     * @param knowledgeBase     the knowledge base that produced it
     * @param libraryVersion    the version of the library that produced it
     * @param wireFormatVersion the version of the wire format, at least 1
     * @throws IllegalArgumentException when the decision does not follow from the findings
     */
    public Assessment {
        Objects.requireNonNull(libraryVersion, "libraryVersion must not be null");
        if (wireFormatVersion < 1) {
            throw new IllegalArgumentException("wireFormatVersion must be at least 1");
        }
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
     * An assessment by this library ({@link RuxoRules#version()}) in the current wire format
     * ({@link RuxoRules#WIRE_FORMAT_VERSION}).
     *
     * @param decision      STOP if any finding is CRITICAL, else REVIEW if any is WARNING, else PROCEED
     * @param findings      sorted by {@link Finding#ORDER}
     * @param knowledgeBase the knowledge base that produced it
     * @throws IllegalArgumentException when the decision does not follow from the findings
     */
    public Assessment(Decision decision, List<Finding> findings, KnowledgeBaseInfo knowledgeBase) {
        this(decision, findings, knowledgeBase, RuxoRules.version(), RuxoRules.WIRE_FORMAT_VERSION);
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
