package dev.ruxo.rules.drools.facts;

/**
 * What the order's indication code falls under, from the condition value sets.
 */
public enum IndicationGroup {
    /** In the ATOPIC_DERMATITIS value set. */
    ATOPIC_DERMATITIS,
    /** In the VITILIGO value set. */
    VITILIGO,
    /** Neither: off-label. */
    OTHER
}
