package dev.ruxo.rules;

import java.util.Objects;

/**
 * A field of a JSON request that the wire format does not know. Unknown fields are never silent: a misspelt
 * {@code "medication"} would otherwise drop every co-medication, so the engine reports them in one DATA finding, and a
 * strict reader rejects the request instead.
 *
 * @param path     where the field is, in wire-format terms, such as {@code medication} or {@code patient.breastFeeding}
 * @param probably the known field it is close to (another case, or a small edit away), such as
 *                 {@code medications}; null when none is close
 * @since 0.1.0
 */
public record UnknownField(String path, String probably) {

    /**
     * Checks the path is present.
     *
     * @param path     where the field is, in wire-format terms, such as {@code medication} or {@code patient.breastFeeding}
     * @param probably the known field it is close to (another case, or a small edit away), such as
     *                 {@code medications}; null when none is close
     */
    public UnknownField {
        Objects.requireNonNull(path, "path must not be null");
    }

    @Override
    public String toString() {
        return probably == null ? path : path + " (probably " + probably + ")";
    }
}
