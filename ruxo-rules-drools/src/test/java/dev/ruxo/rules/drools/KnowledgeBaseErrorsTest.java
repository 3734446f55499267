package dev.ruxo.rules.drools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ruxo.rules.RuleCompilationException;
import dev.ruxo.rules.RuleMessage;
import dev.ruxo.rules.drools.internal.KnowledgeBaseFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A broken knowledge base fails fast, with every problem located by file and line. */
class KnowledgeBaseErrorsTest {

    private static List<RuleMessage> errorsOf(KnowledgeBaseFiles files) {
        try {
            DroolsCheckEngine.builder().files(files).build();
        } catch (RuleCompilationException e) {
            return e.messages();
        }
        throw new AssertionError("expected a RuleCompilationException");
    }

    @Test
    void typoInAFieldNameIsReportedWithFileAndLine() {
        var errors = errorsOf(KnowledgeBaseFixtures.builtInWith("dosing.drl",
                s -> s.replace("bsaPercent > $limit)", "bsaPercentt > $limit)")));
        assertThat(errors).isNotEmpty().allSatisfy(m -> {
            assertThat(m.resource()).isEqualTo("dosing.drl");
            assertThat(m.line()).isPositive();
        });
        assertThat(errors.toString()).contains("bsaPercentt");
    }

    @Test
    void syntaxErrorAndTypoInTwoFilesAreBothReported() {
        var files = KnowledgeBaseFixtures.builtInPlus("broken.drl", """
                package dev.ruxo.rules.kb.us;
                import dev.ruxo.rules.drools.facts.OrderFact;
                rule "broken"
                when
                    OrderFact( bsaPercent > )
                then
                end
                """);
        var both = new java.util.LinkedHashMap<>(files.files());
        both.put("dosing.drl", both.get("dosing.drl").replace("bsaPercent > $limit)", "bsaPercentt > $limit)"));
        var errors = errorsOf(new KnowledgeBaseFiles(both));
        assertThat(errors).extracting(RuleMessage::resource).contains("broken.drl", "dosing.drl");
        assertThat(errors).filteredOn(m -> m.resource().equals("broken.drl"))
                .anySatisfy(m -> assertThat(m.line()).isEqualTo(5));
        assertThat(errors.get(0).toString()).matches("[a-z.-]+\\.drl:\\d+:\\d+: .+");
    }

    @Test
    void missingMetadataIsAnError() {
        var errors = errorsOf(KnowledgeBaseFixtures.builtInWith("monitoring.drl",
                s -> s.replace("    @severity(\"INFO\")\n    @section(\"5.6\")", "    @section(\"5.6\")")));
        assertThat(errors).singleElement().satisfies(m -> {
            assertThat(m.resource()).isEqualTo("monitoring.drl");
            assertThat(m.text()).contains("@severity");
            assertThat(m.line()).isEqualTo(11);
        });
    }

    @Test
    void unknownCategoryOrSeverityIsAnError() {
        var errors = errorsOf(KnowledgeBaseFixtures.builtInWith("monitoring.drl",
                s -> s.replaceFirst("@category\\(\"MONITORING\"\\)", "@category(\"LABS\")")
                        .replaceFirst("@severity\\(\"INFO\"\\)", "@severity(\"HIGH\")")));
        assertThat(errors).hasSize(2);
        assertThat(errors.toString()).contains("LABS", "HIGH");
    }

    @Test
    void duplicateRuleIdIsAnError() {
        var errors = errorsOf(KnowledgeBaseFixtures.builtInWith("monitoring.drl",
                s -> s.replace("RUXO-MON-LIPIDS", "RUXO-MON-BLOOD-COUNTS")));
        assertThat(errors).singleElement().satisfies(m -> assertThat(m.text()).contains("duplicate @ruleId"));
    }

    @Test
    void misspeltParameterOrValueSetIsAnErrorNotASilentNeverFiringRule() {
        var errors = errorsOf(KnowledgeBaseFixtures.builtInWith("dosing.drl",
                s -> s.replace("\"AD_MAX_BSA_PERCENT\"", "\"AD_MAX_BSA_PERCNT\"")));
        assertThat(errors).singleElement().satisfies(m -> {
            assertThat(m.text()).contains("unknown parameter \"AD_MAX_BSA_PERCNT\"");
            assertThat(m.line()).isPositive();
            assertThat(m.column()).isPositive();
        });
        var sets = errorsOf(KnowledgeBaseFixtures.builtInWith("patient-safety.drl",
                s -> s.replaceFirst("\"CHRONIC_HEPATITIS_C\"", "\"CHRONIC_HEPATITIS_Z\"")));
        assertThat(sets).singleElement().satisfies(m -> assertThat(m.text()).contains("CHRONIC_HEPATITIS_Z"));
    }

    @Test
    void badDataRowsAreAllReportedWithLineAndColumn() {
        var errors = errorsOf(KnowledgeBaseFixtures.builtInWith("parameters.csv",
                s -> s + "BAD_VALUE,twenty,x,1,2025-09,true,broken,0,100,higher\n"
                        + "lower_case,1,x,1,2025-09,maybe,broken,0,100,higher\n"));
        assertThat(errors).extracting(RuleMessage::resource).containsOnly("parameters.csv");
        assertThat(errors).hasSize(3);
        assertThat(errors).allSatisfy(m -> assertThat(m.line()).isGreaterThan(10));
    }

    @Test
    void unknownCodeSystemInAValueSetIsAnError() {
        var errors = errorsOf(KnowledgeBaseFixtures.builtInWith("conditions.csv",
                s -> s + "HYPERTENSION,icd9cm,401.9,exact,true,false,hypertension\n"));
        assertThat(errors).singleElement().satisfies(m -> {
            assertThat(m.resource()).isEqualTo("conditions.csv");
            assertThat(m.text()).contains("system", "icd9cm");
            assertThat(m.column()).isGreaterThan(1);
        });
    }

    @Test
    void theMessageListsEveryProblem() {
        assertThatThrownBy(() -> DroolsCheckEngine.builder().files(KnowledgeBaseFixtures.builtInWith("routes.csv",
                s -> s + "oral,skin\n")).build())
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("routes.csv:")
                .hasMessageContaining("duplicate route word oral");
    }
}
