package dev.ruxo.rules.drools.facts;

/**
 * An active co-medication (status active, on hold or not recorded). Stopped and completed ones are not facts.
 *
 * @param index     the medication's position in the request
 * @param text      the medication as a person reads it: display text, else system and code
 * @param routeKind {@code skin}, {@code systemic}, {@code local}, or {@code unknown}
 */
public record MedicationFact(int index, String text, String routeKind) {
}
