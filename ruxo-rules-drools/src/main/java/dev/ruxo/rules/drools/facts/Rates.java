package dev.ruxo.rules.drools.facts;

import java.math.BigDecimal;

/**
 * Exact comparison of two rates, for rules such as "grams per days supply above 60 g per 7 days". Cross-multiplies
 * instead of dividing, so 60 g over 7 days equals 60 g per 7 days exactly and nothing is rounded.
 */
public final class Rates {

    private Rates() {
    }

    /**
     * Compares {@code amount / days} with {@code limitAmount / limitDays}.
     *
     * @param amount      the amount, such as grams ordered
     * @param days        the days it covers; positive
     * @param limitAmount the limit's amount
     * @param limitDays   the limit's days; positive
     * @return negative, zero or positive as the rate is below, at or above the limit
     */
    public static int compare(BigDecimal amount, long days, BigDecimal limitAmount, BigDecimal limitDays) {
        return amount.multiply(limitDays).compareTo(limitAmount.multiply(BigDecimal.valueOf(days)));
    }

    /**
     * Compares {@code part / whole} with {@code fraction}, such as elapsed days over days supply with 0.75.
     *
     * @param part     the numerator
     * @param whole    the denominator; positive
     * @param fraction the fraction to compare with
     * @return negative, zero or positive as {@code part / whole} is below, at or above {@code fraction}
     */
    public static int compareFraction(long part, long whole, BigDecimal fraction) {
        return BigDecimal.valueOf(part).compareTo(fraction.multiply(BigDecimal.valueOf(whole)));
    }

    /**
     * Compares a day count with a number of weeks.
     *
     * @param days  the days
     * @param weeks the weeks
     * @return negative, zero or positive as {@code days} is below, at or above {@code weeks} × 7
     */
    public static int compareDaysToWeeks(long days, BigDecimal weeks) {
        return compareFraction(days, 7, weeks);
    }

    /**
     * Whole weeks and days as text, for messages: 63 days is "9 weeks", 60 is "8 weeks 4 days".
     *
     * @param days a day count
     * @return the text
     */
    public static String weeks(long days) {
        long w = days / 7;
        long d = days % 7;
        return d == 0 ? w + " weeks" : w + " weeks " + d + " day" + (d == 1 ? "" : "s");
    }
}
