package dev.ruxo.rules;

import java.util.Objects;

/**
 * One reason a request is invalid.
 *
 * @param field   the path of the field in wire-format terms, such as {@code order.bsaPercent} or
 *                {@code medications[2].system}; {@code $} for the document itself
 * @param message what is wrong, in words a user can act on
 * @since 0.1.0
 */
public record Violation(String field, String message) {

    /**
     * Checks both components are present.
     *
     * @param field the path of the field in wire-format terms, such as {@code order.bsaPercent} or {@code
     *              medications[2].system}; {@code $} for the document itself
     * @param message what is wrong, in words a user can act on
     */
    public Violation {
        Objects.requireNonNull(field, "field must not be null");
        Objects.requireNonNull(message, "message must not be null");
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
