package dev.ruxo.rules;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An enum whose constants have a fixed spelling in the JSON wire format.
 *
 * @since 0.1.0
 */
public interface WireValue {

    /**
     * The spelling of this constant in the wire format, such as {@code "not-advisable"}.
     *
     * @return the wire spelling
     */
    String wireValue();

    /**
     * Finds the constant of {@code type} spelled {@code text} in the wire format; case-sensitive, as the contract is.
     *
     * @param type the enum type
     * @param text the spelling; nullable
     * @param <E>  the enum type
     * @return the constant, or empty when {@code text} is null or names no constant
     */
    static <E extends Enum<E> & WireValue> Optional<E> parse(Class<E> type, @Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.wireValue().equals(text)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
