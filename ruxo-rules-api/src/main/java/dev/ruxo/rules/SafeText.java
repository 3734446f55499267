package dev.ruxo.rules;

/**
 * How the library echoes text that came from a request or a file: in violations, findings, log lines and the
 * command-line tool's output. Control and format characters (line breaks, escape sequences, bidirectional overrides)
 * become {@code ?}, so a value cannot print a line of its own or rewrite a terminal, and a long value is cut after a
 * fixed number of characters, never inside a surrogate pair.
 *
 * @since 0.1.0
 */
public final class SafeText {

    /** How many characters of a value a message quotes. */
    public static final int QUOTED_LENGTH = 40;

    private static final String ELLIPSIS = "\u2026";

    private SafeText() {
    }

    /**
     * A value as a message quotes it: in double quotes, at most {@value #QUOTED_LENGTH} characters of it, then an
     * ellipsis when it was longer.
     *
     * @param text the value; null gives {@code null}
     * @return the quoted value
     */
    public static String quote(String text) {
        return text == null ? "null" : "\"" + cut(text, QUOTED_LENGTH) + "\"";
    }

    /**
     * A value made safe to print on one line, cut to at most {@code max} characters (the ellipsis included).
     *
     * @param text the value; null gives the empty string
     * @param max  the most characters the result may have; at least 2
     * @return the value without control characters, cut
     */
    public static String cut(String text, int max) {
        if (max < 2) {
            throw new IllegalArgumentException("max must be at least 2, was " + max);
        }
        if (text == null) {
            return "";
        }
        String clean = clean(text);
        if (clean.length() <= max) {
            return clean;
        }
        int end = max - ELLIPSIS.length();
        if (Character.isHighSurrogate(clean.charAt(end - 1))) {
            end--;
        }
        return clean.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    /**
     * A value with every control and format character, and every unpaired surrogate, replaced by {@code ?}; its length
     * is unchanged.
     *
     * @param text the value; null gives the empty string
     * @return the cleaned value
     */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean bad;
            if (Character.isHighSurrogate(c)) {
                bad = i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
                if (!bad) {
                    if (out != null) {
                        out.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                int type = Character.getType(c);
                bad = Character.isLowSurrogate(c) || type == Character.CONTROL || type == Character.FORMAT
                        || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
            }
            if (bad && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(bad ? '?' : c);
            }
        }
        return out == null ? text : out.toString();
    }
}
