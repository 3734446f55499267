package dev.ruxo.rules.drools.facts;

import dev.ruxo.rules.Finding;
import dev.ruxo.rules.Severity;
import dev.ruxo.rules.Source;
import dev.ruxo.rules.drools.internal.RuleMeta;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The global rules report through ({@code global Findings findings;}). One instance per check, never shared between
 * threads. The rule's metadata supplies id, category, severity and source; the rule supplies the words and the
 * parameters it compared against, which decide whether the finding rests on an unverified fact.
 */
public final class Findings {

    private static final String ELLIPSIS = "\u2026";
    private static final int TAIL = 24;

    private final Map<String, RuleMeta> rules;
    private final String labelTitle;
    private final String labelUrl;
    private final List<Finding> found = new ArrayList<>();
    /**
     * The findings so far by a fingerprint that costs the same for any text length: rule id, lengths and last
     * characters. Hashing whole details (a few hundred characters each) was a sixth of a check that fires 30 rules.
     */
    private final Map<Long, List<Finding>> seen = new HashMap<>();

    /**
     * @param rules      metadata by DRL rule name
     * @param labelTitle the label's title, such as "Opzelura US Prescribing Information"
     * @param labelUrl   where to read the label; nullable
     */
    public Findings(Map<String, RuleMeta> rules, String labelTitle, String labelUrl) {
        this.rules = rules;
        this.labelTitle = labelTitle;
        this.labelUrl = labelUrl;
    }

    /**
     * Records a finding of the firing rule. A summary longer than {@value Finding#MAX_SUMMARY_LENGTH} characters is
     * cut with an ellipsis (the detail keeps the whole text); a repeat of the same rule, summary and detail is dropped.
     *
     * @param rule    the rule context ({@code kcontext} in a consequence)
     * @param summary one line
     * @param detail  the explanation
     * @param params  the parameters the rule compared against
     */
    public void add(RuleContext rule, String summary, String detail, Param... params) {
        RuleMeta meta = rules.get(rule.getRule().getName());
        if (meta == null) {
            throw new IllegalStateException("rule without metadata: " + rule.getRule().getName());
        }
        boolean paramsVerified = true;
        StringBuilder text = new StringBuilder(detail == null ? "" : detail);
        for (Param p : params) {
            if (!p.verified()) {
                paramsVerified = false;
                text.append(text.length() == 0 ? "" : " ").append("Unverified: ").append(p.description())
                        .append(" (").append(p.text()).append(' ').append(p.unit())
                        .append(") is a parameter pending confirmation from the primary label.");
            }
        }
        Severity severity = meta.severity();
        if (paramsVerified && meta.verified() && meta.severityWhenVerified() != null) {
            severity = meta.severityWhenVerified();
        }
        String line = summary.length() <= Finding.MAX_SUMMARY_LENGTH ? summary
                : summary.substring(0, Finding.MAX_SUMMARY_LENGTH - 1).stripTrailing() + ELLIPSIS;
        String fullDetail = text.toString();
        String storedDetail = fullDetail.isEmpty() ? null : fullDetail;
        long key = fingerprint(meta.ruleId(), line, fullDetail);
        List<Finding> similar = seen.get(key);
        if (similar != null) {
            for (Finding f : similar) {
                if (f.ruleId().equals(meta.ruleId()) && f.summary().equals(line)
                        && Objects.equals(f.detail(), storedDetail)) {
                    return;
                }
            }
        }
        Source source = new Source(labelTitle, meta.section(), meta.revision(), labelUrl,
                paramsVerified && meta.verified());
        Finding finding = new Finding(meta.ruleId(), meta.category(), severity, line, storedDetail, source,
                meta.overridable());
        found.add(finding);
        seen.computeIfAbsent(key, k -> new ArrayList<>(1)).add(finding);
    }

    private static long fingerprint(String ruleId, String summary, String detail) {
        return ((long) ruleId.hashCode() << 32) ^ ((long) tailHash(summary) << 16) ^ tailHash(detail)
                ^ ((long) summary.length() << 48) ^ detail.length();
    }

    /** Texts of one rule usually differ at their end (the medication or condition named last). */
    private static int tailHash(String s) {
        int h = 0;
        for (int i = Math.max(0, s.length() - TAIL); i < s.length(); i++) {
            h = 31 * h + s.charAt(i);
        }
        return h;
    }

    /**
     * @return the findings so far, in firing order
     */
    public List<Finding> list() {
        return List.copyOf(found);
    }

    /**
     * Forgets the findings. A pooled session keeps a reference to the last global it was given until its next check,
     * so the engine empties the sink after each check rather than leave that check's texts reachable.
     */
    public void clear() {
        found.clear();
        seen.clear();
    }
}
