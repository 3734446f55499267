package dev.ruxo.rules.drools.facts;

/**
 * A patient condition that could not be screened: its coding is not ICD-10-CM (whose value sets match by prefix, so
 * an ICD-10-CM code outside them is known to be irrelevant) and no row of any condition value set, exclusion rows
 * and the known-irrelevant set included, names its code. A SNOMED CT code outside the lists may be tuberculosis.
 *
 * @param index the condition's position in {@code patient.conditions}
 * @param code  the condition's code
 * @param text  the condition as a person reads it: display text and code, else the code alone
 */
public record UnscreenedCondition(int index, String code, String text) {
}
