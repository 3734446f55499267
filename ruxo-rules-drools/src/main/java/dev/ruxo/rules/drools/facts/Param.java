package dev.ruxo.rules.drools.facts;

import java.math.BigDecimal;

/**
 * One threshold from parameters.csv. Rules match it by id and compare against {@code value}.
 *
 * @param id          stable name, such as {@code AD_MAX_BSA_PERCENT}
 * @param value       the number
 * @param unit        such as {@code percent}, {@code years}, {@code grams}
 * @param section     the label section (or {@code policy}) it comes from
 * @param revision    the label revision it was read from
 * @param verified    false when the figure is not confirmed from the primary label
 * @param description what it limits
 */
public record Param(
        String id,
        BigDecimal value,
        String unit,
        String section,
        String revision,
        boolean verified,
        String description) {

    /**
     * The value as a plain decimal string for messages: {@code 20}, {@code 0.75}.
     *
     * @return the value without exponent or trailing zeros
     */
    public String text() {
        return value.stripTrailingZeros().toPlainString();
    }
}
