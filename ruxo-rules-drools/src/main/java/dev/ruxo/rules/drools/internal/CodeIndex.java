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

    private final Map<String, List<R>> exact = new HashMap<>();
    private final Map<String, List<R>> prefixes = new HashMap<>();
    private int longestPrefix;

    void add(String system, String normalizedCode, R row) {
        String key = system + '|' + normalizedCode;
        (row.prefix() ? prefixes : exact).computeIfAbsent(key, k -> new ArrayList<>(1)).add(row);
        if (row.prefix()) {
            longestPrefix = Math.max(longestPrefix, normalizedCode.length());
        }
    }

    /** For each value set with a matching row, the longest-matching row; in value-set order of first match. */
    Map<String, R> lookup(String system, String normalizedCode) {
        Map<String, R> best = new LinkedHashMap<>();
        List<R> hits = exact.get(system + '|' + normalizedCode);
        if (hits != null) {
            hits.forEach(r -> best.putIfAbsent(r.valueSet(), r));
        }
        for (int len = Math.min(normalizedCode.length(), longestPrefix); len > 0; len--) {
            List<R> rows = prefixes.get(system + '|' + normalizedCode.substring(0, len));
            if (rows != null) {
                rows.forEach(r -> best.putIfAbsent(r.valueSet(), r));
            }
        }
        return best;
    }
}
