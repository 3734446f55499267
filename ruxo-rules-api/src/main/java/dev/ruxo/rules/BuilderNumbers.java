package dev.ruxo.rules;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns the text and {@code long} forms the builders accept into the records' number types. A value that is no number,
 * or a whole number that does not fit, is an {@link InvalidRequestException} naming the field, never a
 * {@link NumberFormatException}; the message never repeats the value, which is request text.
 */
final class BuilderNumbers {

    private BuilderNumbers() {
    }

    /**
     * A decimal from text such as {@code "12.5"}.
     *
     * @param field the wire-format path, such as {@code order.bsaPercent}
     * @param text  the number; null gives null
     * @return the number, or null
     * @throws InvalidRequestException when the text is no decimal number
     */
    static @Nullable BigDecimal decimal(String field, @Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw invalid(field, "must be a decimal number written with a point, such as 12.5");
        }
    }

    /**
     * A whole number from text such as {@code "7"}.
     *
     * @param field the wire-format path, such as {@code order.daysSupply}
     * @param text  the number; null gives null
     * @return the number, or null
     * @throws InvalidRequestException when the text is no whole number or does not fit an {@code int}
     */
    static @Nullable Integer whole(String field, @Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.strip()).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalid(field, "must be a whole number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
        }
    }

    /**
     * A whole number from a {@code long}.
     *
     * @param field the wire-format path, such as {@code order.daysSupply}
     * @param value the number
     * @return the number
     * @throws InvalidRequestException when it does not fit an {@code int}
     */
    static Integer whole(String field, long value) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw invalid(field, "must be a whole number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
        }
        return (int) value;
    }

    private static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException(List.of(new Violation(field, message)));
    }
}
