package dev.ruxo.rules;

import java.util.Objects;

/**
 * One problem found while compiling the knowledge base: a DRL error, a bad data-file row, missing rule metadata.
 *
 * @param resource the file, as a path relative to the knowledge-base root
 * @param line     1-based line, or 0 when not known
 * @param column   1-based column, or 0 when not known
 * @param text     what is wrong
 * @since 0.1.0
 */
public record RuleMessage(String resource, int line, int column, String text) {

    /**
     * Checks the components.
     *
     * @param resource the file, as a path relative to the knowledge-base root
     * @param line 1-based line, or 0 when not known
     * @param column 1-based column, or 0 when not known
     * @param text what is wrong
     */
    public RuleMessage {
        Objects.requireNonNull(resource, "resource must not be null");
        Objects.requireNonNull(text, "text must not be null");
    }

    /**
     * The conventional {@code file:line:column: message} form editors and build tools understand.
     *
     * @return the formatted message
     */
    @Override
    public String toString() {
        return resource + ":" + line + ":" + column + ": " + text;
    }
}
