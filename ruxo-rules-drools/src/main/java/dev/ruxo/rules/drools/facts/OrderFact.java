package dev.ruxo.rules.drools.facts;

import java.math.BigDecimal;

/**
 * The order, with its indication classified and its dates turned into day counts.
 *
 * @param indication          the indication's group
 * @param indicationText      the indication as a person reads it: display text, else system and code
 * @param severity            {@code mild}, {@code moderate}, {@code severe}; nullable
 * @param vitiligoType        {@code nonsegmental}, {@code segmental}; nullable
 * @param bsaPercent          nullable
 * @param quantityGrams       nullable
 * @param daysSupply          nullable
 * @param applicationsPerDay  nullable: not recorded means the labelled regimen, so no frequency rule applies
 * @param route               the route word in lower case; {@code topical} when not recorded
 * @param routeKind           {@code skin}, {@code systemic}, {@code local}, or {@code unknown}, from routes.csv
 * @param occlusiveDressing   nullable
 * @param therapyDays         days from the therapy start date to the evaluation date; nullable
 * @param priorTopicalTherapy {@code inadequate}, {@code not-advisable}, {@code none}; nullable
 * @param ndc11               the package NDC in 11-digit form; nullable
 */
public record OrderFact(
        IndicationGroup indication,
        String indicationText,
        String severity,
        String vitiligoType,
        BigDecimal bsaPercent,
        BigDecimal quantityGrams,
        Integer daysSupply,
        Integer applicationsPerDay,
        String route,
        String routeKind,
        Boolean occlusiveDressing,
        Integer therapyDays,
        String priorTopicalTherapy,
        String ndc11) {
}
