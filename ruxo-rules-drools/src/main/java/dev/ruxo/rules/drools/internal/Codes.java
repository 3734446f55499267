package dev.ruxo.rules.drools.internal;

import java.util.Arrays;
import java.util.Locale;

/** Normalisation of codes and texts before lookup. */
final class Codes {

    private Codes() {
    }

    /** ICD-10-CM, ATC, RxNorm and SNOMED codes compare upper-case, without dots or spaces: L20.9 and l209 are equal. */
    static String normalize(String code) {
        StringBuilder sb = new StringBuilder(code.length());
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c != '.' && !Character.isWhitespace(c)) {
                sb.append(Character.toUpperCase(c));
            }
        }
        return sb.toString();
    }

    /**
     * Lower-case words of a text: runs of letters and digits; everything else separates words, hyphens included, so
     * the US biosimilar name "adalimumab-adaz" contains the word adalimumab. "Lopinavir/Ritonavir 200-50 MG Oral
     * Tablet" gives lopinavir, ritonavir, 200, 50, mg, oral, tablet.
     */
    static String[] words(String text) {
        // One pass, no regular expression: this runs for every medication and route of every check.
        String lower = text.toLowerCase(Locale.ROOT);
        int n = lower.length();
        String[] out = new String[4];
        int count = 0;
        int start = -1;
        for (int i = 0; i <= n; i++) {
            boolean inWord = i < n && Character.isLetterOrDigit(lower.charAt(i));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                if (count == out.length) {
                    out = Arrays.copyOf(out, count * 2);
                }
                out[count++] = lower.substring(start, i);
                start = -1;
            }
        }
        return count == out.length ? out : Arrays.copyOf(out, count);
    }

    /**
     * The 11-digit (5-4-2) form of a well-formed NDC: 4-4-2, 5-3-2 and 5-4-1 are padded with a leading zero in the
     * short segment, 11-digit forms lose their hyphens.
     */
    static String ndc11(String ndc) {
        String[] parts = ndc.split("-");
        if (parts.length == 1) {
            return ndc;
        }
        return pad(parts[0], 5) + pad(parts[1], 4) + pad(parts[2], 2);
    }

    private static String pad(String s, int width) {
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }
}
