package dev.ruxo.rules.drools.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Value-set rows keyed by code system and code, exact or by prefix. A lookup walks the prefixes of the code once,
 * so it costs O(code length) whatever the size of the value sets. Within one value set the longest matching row
 * decides, which lets an exclusion row (such as C44 under a malignancy block) carve out part of a block.
 *
 * @param <R> the row type
 */
final class CodeIndex<R extends CodeIndex.Entry> {

    /** What a row contributes to an index. */
    interface Entry {
        String valueSet();

        boolean prefix();
    }

    /** Rows by code system, then by normalised code: no key is concatenated at lookup time. */
    private final Map<String, Map<String, List<R>>> exact = new HashMap<>();
    private final Map<String, Map<String, List<R>>> prefixes = new HashMap<>();
    private int longestPrefix;

    void add(String system, String normalizedCode, R row) {
        (row.prefix() ? prefixes : exact).computeIfAbsent(system, k -> new HashMap<>())
                .computeIfAbsent(normalizedCode, k -> new ArrayList<>(1)).add(row);
        if (row.prefix()) {
            longestPrefix = Math.max(longestPrefix, normalizedCode.length());
        }
    }

    /** For each value set with a matching row, the longest-matching row; in value-set order of first match. */
    Map<String, R> lookup(String system, String normalizedCode) {
        Map<String, R> best = new LinkedHashMap<>();
        Map<String, List<R>> exactInSystem = exact.get(system);
        if (exactInSystem != null) {
            List<R> hits = exactInSystem.get(normalizedCode);
            if (hits != null) {
                hits.forEach(r -> best.putIfAbsent(r.valueSet(), r));
            }
        }
        Map<String, List<R>> prefixesInSystem = prefixes.get(system);
        if (prefixesInSystem != null) {
            for (int len = Math.min(normalizedCode.length(), longestPrefix); len > 0; len--) {
                List<R> rows = prefixesInSystem.get(normalizedCode.substring(0, len));
                if (rows != null) {
                    rows.forEach(r -> best.putIfAbsent(r.valueSet(), r));
                }
            }
        }
        return best;
    }
}
