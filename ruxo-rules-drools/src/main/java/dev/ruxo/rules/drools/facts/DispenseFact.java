package dev.ruxo.rules.drools.facts;

/**
 * An earlier dispense of the cream.
 *
 * @param index       its position in the request
 * @param date        the dispense date, ISO 8601
 * @param elapsedDays days from the dispense date to the evaluation date (negative when dated after it)
 * @param daysSupply  days it was meant to last
 */
public record DispenseFact(int index, String date, long elapsedDays, int daysSupply) {
}
