package dev.ruxo.rules.testkit;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.Category;
import dev.ruxo.rules.Decision;
import dev.ruxo.rules.Finding;
import dev.ruxo.rules.Severity;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on an {@link Assessment}. Every failure message prints the decision and all findings, so a
 * failing test shows what the engine did say.
 *
 * <pre>{@code
 * assertThat(assessment).hasDecision(Decision.STOP)
 *         .hasFinding(Category.DOSING, Severity.CRITICAL)
 *         .hasNoFinding(Category.INTERACTION);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class AssessmentAssert extends AbstractAssert<AssessmentAssert, Assessment> {

    AssessmentAssert(Assessment actual) {
        super(actual, AssessmentAssert.class);
    }

    /**
     * @param expected the decision
     * @return this
     */
    public AssessmentAssert hasDecision(Decision expected) {
        isNotNull();
        if (actual.decision() != expected) {
            failWithMessage("Expected decision %s but was %s%n%s", expected, actual.decision(), describe());
        }
        return this;
    }

    /**
     * At least one finding of this category and severity.
     *
     * @param category the category
     * @param severity the severity
     * @return this
     */
    public AssessmentAssert hasFinding(Category category, Severity severity) {
        return has(f -> f.category() == category && f.severity() == severity, category + " " + severity);
    }

    /**
     * At least one finding of this category.
     *
     * @param category the category
     * @return this
     */
    public AssessmentAssert hasFinding(Category category) {
        return has(f -> f.category() == category, category.toString());
    }

    /**
     * At least one finding of this rule.
     *
     * @param ruleId the rule id
     * @return this
     */
    public AssessmentAssert hasFinding(String ruleId) {
        return has(f -> f.ruleId().equals(ruleId), ruleId);
    }

    /**
     * At least one finding of this rule with this severity.
     *
     * @param ruleId   the rule id
     * @param severity the severity
     * @return this
     */
    public AssessmentAssert hasFinding(String ruleId, Severity severity) {
        return has(f -> f.ruleId().equals(ruleId) && f.severity() == severity, ruleId + " " + severity);
    }

    /**
     * No finding of this category.
     *
     * @param category the category
     * @return this
     */
    public AssessmentAssert hasNoFinding(Category category) {
        return hasNone(f -> f.category() == category, category.toString());
    }

    /**
     * No finding of this rule.
     *
     * @param ruleId the rule id
     * @return this
     */
    public AssessmentAssert hasNoFinding(String ruleId) {
        return hasNone(f -> f.ruleId().equals(ruleId), ruleId);
    }

    /**
     * No finding more severe than {@code severity}.
     *
     * @param severity the highest severity allowed
     * @return this
     */
    public AssessmentAssert hasNoFindingAbove(Severity severity) {
        return hasNone(f -> f.severity().compareTo(severity) > 0, "above " + severity);
    }

    /**
     * Exactly these rule ids, in any order, with no others.
     *
     * @param ruleIds the rule ids
     * @return this
     */
    public AssessmentAssert hasExactlyRules(String... ruleIds) {
        isNotNull();
        List<String> actualIds = actual.findings().stream().map(Finding::ruleId).sorted().toList();
        List<String> expected = java.util.Arrays.stream(ruleIds).sorted().toList();
        if (!actualIds.equals(expected)) {
            failWithMessage("Expected exactly the rules %s but found %s%n%s", expected, actualIds, describe());
        }
        return this;
    }

    private AssessmentAssert has(Predicate<Finding> test, String what) {
        isNotNull();
        if (actual.findings().stream().noneMatch(test)) {
            failWithMessage("Expected a finding %s but there was none%n%s", what, describe());
        }
        return this;
    }

    private AssessmentAssert hasNone(Predicate<Finding> test, String what) {
        isNotNull();
        List<Finding> hits = actual.findings().stream().filter(test).toList();
        if (!hits.isEmpty()) {
            failWithMessage("Expected no finding %s but found %d%n%s", what, hits.size(), describe());
        }
        return this;
    }

    private String describe() {
        return describe(actual);
    }

    /**
     * The assessment as lines a person reads: the decision, then one line per finding.
     *
     * @param assessment the assessment
     * @return the text
     */
    public static String describe(Assessment assessment) {
        if (assessment.findings().isEmpty()) {
            return "decision " + assessment.decision() + ", no findings";
        }
        return "decision " + assessment.decision() + ", findings:\n" + assessment.findings().stream()
                .map(f -> "  " + f.severity() + " " + f.category() + " " + f.ruleId() + ": " + f.summary())
                .collect(Collectors.joining("\n"));
    }
}
