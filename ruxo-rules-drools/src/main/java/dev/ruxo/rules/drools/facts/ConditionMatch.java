package dev.ruxo.rules.drools.facts;

/**
 * A patient condition that falls in a condition value set. A condition in several sets gives one fact per set.
 *
 * @param valueSet the value set, such as {@code HYPERTENSION}
 * @param index    the condition's position in {@code patient.conditions}
 * @param code     the condition's code
 * @param text     the condition as a person reads it: display text, else the value-set row's name
 */
public record ConditionMatch(String valueSet, int index, String code, String text) {
}
