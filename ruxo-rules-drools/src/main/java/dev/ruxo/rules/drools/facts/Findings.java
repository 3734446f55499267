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

    private static final int TAIL = 24;
    /** How many of a rule's further findings a merged finding's detail names. */
    private static final int NAMED_REPEATS = 10;

    private final Map<String, RuleMeta> rules;
    private final String labelTitle;
    private final String labelUrl;
    private final List<Finding> found = new ArrayList<>();
    /** Per rule id, its later, different findings: one rule gives one finding, with a count. */
    private final Map<String, List<Finding>> repeats = new HashMap<>();
    private final Map<String, Integer> firstOf = new HashMap<>();
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
     * A rule that finds several different things (three unrecognised co-medications, say) still gives one finding:
     * the first, with the count of the others in its summary and the first {@value #NAMED_REPEATS} of them in its
     * detail, so a long list cannot flood the assessment.
     *
     * @param rule    the rule context ({@code kcontext} in a consequence)
     * @param summary one line
     * @param detail  the explanation
     * @param params  the parameters the rule compared against
     */
    public void add(RuleContext rule, String summary, String detail, Param... params) {
        RuleMeta meta = rules.get(RuleMeta.key(rule.getRule()));
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
        String line = dev.ruxo.rules.SafeText.cut(summary, Finding.MAX_SUMMARY_LENGTH);
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
        seen.computeIfAbsent(key, k -> new ArrayList<>(1)).add(finding);
        Integer first = firstOf.putIfAbsent(meta.ruleId(), found.size());
        if (first == null) {
            found.add(finding);
        } else {
            repeats.computeIfAbsent(meta.ruleId(), k -> new ArrayList<>()).add(finding);
        }
    }

    /**
     * A rule's findings folded into one: the first in {@link Finding#ORDER} (so the highest severity, and the same
     * whatever order the request listed things in) with the count of the others in its summary and the first
     * {@value #NAMED_REPEATS} of them in its detail.
     */
    private static Finding merge(Finding first, List<Finding> more) {
        List<Finding> all = new ArrayList<>(more.size() + 1);
        all.add(first);
        all.addAll(more);
        all.sort(Finding.ORDER);
        Finding top = all.get(0);
        boolean verified = all.stream().allMatch(f -> f.source().verified());
        String suffix = " (+" + more.size() + " more)";
        String summary = dev.ruxo.rules.SafeText.cut(top.summary(), Finding.MAX_SUMMARY_LENGTH - suffix.length())
                + suffix;
        StringBuilder detail = new StringBuilder(top.detail() == null ? "" : top.detail());
        detail.append(detail.length() == 0 ? "" : " ").append(all.size()).append(" findings of this rule: ");
        for (int i = 0; i < Math.min(all.size(), NAMED_REPEATS + 1); i++) {
            detail.append(i == 0 ? "" : "; ").append(all.get(i).summary());
        }
        if (all.size() > NAMED_REPEATS + 1) {
            detail.append("; and ").append(all.size() - NAMED_REPEATS - 1).append(" more");
        }
        detail.append('.');
        Source source = new Source(top.source().label(), top.source().section(), top.source().revision(),
                top.source().url(), verified);
        return new Finding(top.ruleId(), top.category(), top.severity(), summary, detail.toString(), source,
                top.overridable());
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
        if (repeats.isEmpty()) {
            return List.copyOf(found);
        }
        List<Finding> out = new ArrayList<>(found.size());
        for (Finding f : found) {
            List<Finding> more = repeats.get(f.ruleId());
            out.add(more == null ? f : merge(f, more));
        }
        return List.copyOf(out);
    }

    /**
     * Forgets the findings. A pooled session keeps a reference to the last global it was given until its next check,
     * so the engine empties the sink after each check rather than leave that check's texts reachable.
     */
    public void clear() {
        found.clear();
        seen.clear();
        repeats.clear();
        firstOf.clear();
    }
}
