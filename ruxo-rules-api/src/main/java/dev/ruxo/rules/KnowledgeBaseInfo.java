package dev.ruxo.rules;

import java.util.Objects;

/**
 * Which knowledge base produced an assessment.
 *
 * @param version       a content hash of every rule and data file plus the label revision: equal versions give
 *                      equal answers
 * @param jurisdiction  the rule profile, such as "US"
 * @param labelRevision the label revision the rules encode, such as "2025-09"
 * @since 0.1.0
 */
public record KnowledgeBaseInfo(String version, String jurisdiction, String labelRevision) {

    /**
     * Checks the components.
     *
     * @param version a content hash of every rule and data file plus the label revision: equal versions give equal
     *                answers
     * @param jurisdiction the rule profile, such as "US"
     * @param labelRevision the label revision the rules encode, such as "2025-09"
     */
    public KnowledgeBaseInfo {
        Objects.requireNonNull(version, "version must not be null");
        Objects.requireNonNull(jurisdiction, "jurisdiction must not be null");
        Objects.requireNonNull(labelRevision, "labelRevision must not be null");
    }
}
