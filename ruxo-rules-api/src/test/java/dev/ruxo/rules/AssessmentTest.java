package dev.ruxo.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AssessmentTest {

    private static final KnowledgeBaseInfo KB = new KnowledgeBaseInfo("v", "US", "2025-09");
    private static final Source SOURCE = new Source("label", "2.1", "2025-09", null, true);

    private static Finding finding(String id, Severity severity) {
        return new Finding(id, Category.DOSING, severity, "summary of " + id, null, SOURCE, true);
    }

    @Test
    void decisionFollowsTheHighestSeverity() {
        assertThat(Assessment.of(List.of(), KB).decision()).isEqualTo(Decision.PROCEED);
        assertThat(Assessment.of(List.of(finding("A", Severity.INFO)), KB).decision()).isEqualTo(Decision.PROCEED);
        assertThat(Assessment.of(List.of(finding("A", Severity.INFO), finding("B", Severity.WARNING)), KB).decision())
                .isEqualTo(Decision.REVIEW);
        assertThat(Assessment.of(List.of(finding("A", Severity.WARNING), finding("B", Severity.CRITICAL)), KB)
                .decision()).isEqualTo(Decision.STOP);
    }

    @Test
    void findingsAreSortedCriticalFirstThenByRuleId() {
        var a = Assessment.of(List.of(finding("B", Severity.INFO), finding("Z", Severity.CRITICAL),
                finding("A", Severity.INFO), finding("C", Severity.WARNING)), KB);
        assertThat(a.findings()).extracting(Finding::ruleId).containsExactly("Z", "C", "A", "B");
    }

    @Test
    void aDecisionThatDoesNotFollowFromTheFindingsIsRejected() {
        assertThatThrownBy(() -> new Assessment(Decision.PROCEED, List.of(finding("A", Severity.CRITICAL)), KB))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("STOP");
    }

    @Test
    void summaryIsAtMost140Characters() {
        String ok = "x".repeat(Finding.MAX_SUMMARY_LENGTH);
        assertThat(new Finding("A", Category.DATA, Severity.INFO, ok, null, SOURCE, true).summary()).hasSize(140);
        assertThatThrownBy(() -> new Finding("A", Category.DATA, Severity.INFO, ok + "x", null, SOURCE, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wireValuesParseOnlyTheirExactSpelling() {
        assertThat(WireValue.parse(PriorTopicalTherapy.class, "not-advisable")).contains(PriorTopicalTherapy.NOT_ADVISABLE);
        assertThat(WireValue.parse(PriorTopicalTherapy.class, "NOT_ADVISABLE")).isEmpty();
        assertThat(WireValue.parse(MedicationStatus.class, "on-hold")).contains(MedicationStatus.ON_HOLD);
        assertThat(WireValue.parse(Severity.class, null)).isEmpty();
    }

    @Test
    void withoutAProviderTheErrorSaysWhatToAdd() {
        ClassLoader empty = new ClassLoader(null) {
        };
        assertThatThrownBy(() -> RuxoRules.provider(empty)).isInstanceOf(NoEngineProviderException.class)
                .hasMessageContaining("dev.ruxo:ruxo-rules-drools")
                .hasMessageContaining(CheckEngineProvider.class.getName());
    }
}
