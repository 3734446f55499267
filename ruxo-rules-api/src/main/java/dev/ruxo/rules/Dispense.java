package dev.ruxo.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An earlier dispense of the cream, used for the refill-too-soon check.
 *
 * @param date          the dispense date; required
 * @param quantityGrams grams dispensed, &gt; 0; nullable
 * @param daysSupply    days the dispense was meant to last, &gt; 0; required
 * @since 0.1.0
 */
public record Dispense(@Nullable LocalDate date, @Nullable BigDecimal quantityGrams, @Nullable Integer daysSupply) {

    /**
     * A dispense.
     *
     * @param date          the date
     * @param quantityGrams grams
     * @param daysSupply    days supply
     * @return the dispense
     */
    public static Dispense of(LocalDate date, long quantityGrams, int daysSupply) {
        return new Dispense(date, BigDecimal.valueOf(quantityGrams), daysSupply);
    }
}
