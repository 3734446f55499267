package dev.ruxo.rules.drools;

import static dev.ruxo.rules.testkit.RuxoAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ruxo.rules.Decision;
import dev.ruxo.rules.RuleCompilationException;
import dev.ruxo.rules.RuleMessage;
import dev.ruxo.rules.Severity;
import dev.ruxo.rules.testkit.CheckRequests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder of rules and data files extends the built-in knowledge base; a reloading engine picks up changes. */
class RulesFolderTest {

    static final String SITE_RULE = """
            package site.rules;

            import dev.ruxo.rules.drools.facts.OrderFact;
            import dev.ruxo.rules.drools.facts.Param;

            global dev.ruxo.rules.drools.facts.Findings findings;

            rule "Large single fill"
                @ruleId("RUXO-SITE-LARGE-FILL")
                @category("DOSING")
                @severity("WARNING")
                @section("policy")
                @revision("2025-09")
                @title("A single fill above the site's pharmacist-review quantity")
            when
                $max : Param(id == "SITE_MAX_FILL_GRAMS", $grams : value)
                $o : OrderFact(quantityGrams != null, quantityGrams > $grams)
            then
                findings.add(kcontext, "Fill of " + $o.quantityGrams() + " g: pharmacist review above " + $max.text() + " g",
                    "Site policy.", $max);
            end
            """;

    @TempDir
    Path folder;

    private void write(String name, String text) throws IOException {
        Files.writeString(folder.resolve(name), text);
    }

    @Test
    void siteRuleAndParameterAreAddedToTheBuiltInRules() throws IOException {
        write("site.drl", SITE_RULE);
        write("parameters.csv", """
                id,value,unit,section,revision,verified,description
                SITE_MAX_FILL_GRAMS,100,grams,policy,2025-09,true,largest single fill without pharmacist review
                """);
        var engine = DroolsCheckEngine.builder().rulesFolder(folder).build();
        assertThat(engine.check(CheckRequests.adultAtopicDermatitis().grams(200).days(28).build()))
                .hasDecision(Decision.REVIEW).hasFinding("RUXO-SITE-LARGE-FILL", Severity.WARNING);
        assertThat(engine.check(CheckRequests.adultAtopicDermatitis().grams(100).days(14).build()))
                .hasNoFinding("RUXO-SITE-LARGE-FILL");
        assertThat(engine.check(CheckRequests.adultAtopicDermatitis().bsa("25").build()))
                .hasFinding("RUXO-DOSE-BSA-AD");
        assertThat(engine.knowledgeBase().version()).isNotEqualTo(TestEngine.engine().knowledgeBase().version());
    }

    @Test
    void localDrugNameJoinsAValueSet() throws IOException {
        write("medications.csv", """
                valueSet,system,code,match,routes,verified,name
                OTHER_IMMUNOSUPPRESSANT,name,mtx,exact,systemic,true,methotrexate
                """);
        var engine = DroolsCheckEngine.builder().rulesFolder(folder).build();
        var request = CheckRequests.adultAtopicDermatitis().medication("MTX 15 mg weekly", "oral").build();
        assertThat(TestEngine.check(request)).hasFinding("RUXO-DATA-MED-UNRECOGNISED");
        assertThat(engine.check(request)).hasFinding("RUXO-DDI-IMMUNOSUPPRESSANT-OTHER")
                .hasNoFinding("RUXO-DATA-MED-UNRECOGNISED");
    }

    @Test
    void parameterOverrideChangesTheThreshold() throws IOException {
        write("parameters.csv", """
                id,value,unit,section,revision,verified,description
                AD_MAX_BSA_PERCENT,15,percent BSA,policy,2025-09,true,a stricter site limit
                """);
        var engine = DroolsCheckEngine.builder().rulesFolder(folder).build();
        assertThat(engine.check(CheckRequests.adultAtopicDermatitis().bsa("16").build())).hasFinding("RUXO-DOSE-BSA-AD");
        assertThat(TestEngine.check(CheckRequests.adultAtopicDermatitis().bsa("16"))).hasNoFinding("RUXO-DOSE-BSA-AD");
    }

    @Test
    void drlFileNamedLikeABuiltInOneReplacesIt() throws IOException {
        write("monitoring.drl", "package site.rules;\n");
        var engine = DroolsCheckEngine.builder().rulesFolder(folder).build();
        assertThat(engine.check(CheckRequests.adultAtopicDermatitis().condition("D69.6", null).build()))
                .hasNoFinding("RUXO-MON-BLOOD-COUNTS");
    }

    @Test
    void typoAndSyntaxErrorInTwoFilesAreBothReportedWithTheirPaths() throws IOException {
        write("typo.drl", SITE_RULE.replace("quantityGrams > $grams", "quantityGram > $grams"));
        write("syntax.drl", """
                package site.rules;
                import dev.ruxo.rules.drools.facts.OrderFact;
                rule "broken"
                when
                    OrderFact( bsaPercent > )
                then
                end
                """);
        write("parameters.csv", "id,value,unit,section,revision,verified,description\n"
                + "SITE_MAX_FILL_GRAMS,100,grams,policy,2025-09,true,largest single fill\n");
        assertThatThrownBy(() -> DroolsCheckEngine.builder().rulesFolder(folder).build())
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> {
                    assertThat(e.messages()).extracting(RuleMessage::resource)
                            .contains(folder.resolve("typo.drl").toString(), folder.resolve("syntax.drl").toString());
                    assertThat(e.messages()).allSatisfy(m -> assertThat(m.line()).isPositive());
                });
    }

    @Test
    void unusedParameterAndValueSetAreLintWarnings() throws IOException {
        write("parameters.csv", "id,value,unit,section,revision,verified,description,min,max,looser\n"
                + "SITE_UNUSED,1,grams,policy,2025-09,true,nothing uses this,0,10,none\n");
        write("conditions.csv", "valueSet,system,code,match,include,verified,name\n"
                + "SITE_ONLY_SET,icd10cm,L30.9,exact,true,true,dermatitis\n");
        var engine = DroolsCheckEngine.builder().rulesFolder(folder).build();
        assertThat(engine.knowledgeBaseWarnings()).extracting(RuleMessage::text).containsExactly(
                "parameter SITE_UNUSED is not used by any rule", "value set SITE_ONLY_SET is not used by any rule");
    }

    @Test
    void unknownDataFileInTheFolderIsAnError() throws IOException {
        write("drugs.csv", "a,b\n");
        assertThatThrownBy(() -> DroolsCheckEngine.builder().rulesFolder(folder).build())
                .isInstanceOf(RuleCompilationException.class).hasMessageContaining("drugs.csv")
                .hasMessageContaining("unknown data file");
    }

    @Test
    void reloadServesTheNewRulesOrKeepsTheOldOnesWhenTheNewOnesDoNotCompile() throws Exception {
        var engine = DroolsCheckEngine.builder().rulesFolder(folder).buildReloading();
        var request = CheckRequests.adultAtopicDermatitis().grams(200).days(28).build();
        String before = engine.knowledgeBase().version();
        assertThat(engine.check(request)).hasNoFinding("RUXO-SITE-LARGE-FILL");

        // Every answer during the reloads is either the old knowledge base's (no finding) or the new one's (the site
        // rule alone); never an exception, never a mix.
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger failures = new AtomicInteger();
        List<Thread> serving = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread thread = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        var ids = engine.check(request).findings().stream().map(f -> f.ruleId()).toList();
                        if (!ids.isEmpty() && !ids.equals(List.of("RUXO-SITE-LARGE-FILL"))) {
                            failures.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                    }
                }
            });
            thread.start();
            serving.add(thread);
        }
        try {
            write("site.drl", SITE_RULE);
            var broken = engine.reload();
            assertThat(broken.reloaded()).isFalse();
            assertThat(broken.problems()).anySatisfy(m -> assertThat(m.text()).contains("SITE_MAX_FILL_GRAMS"));
            assertThat(broken.serving().version()).isEqualTo(before);
            assertThat(engine.check(request)).hasNoFinding("RUXO-SITE-LARGE-FILL");

            write("parameters.csv", "id,value,unit,section,revision,verified,description\n"
                    + "SITE_MAX_FILL_GRAMS,100,grams,policy,2025-09,true,largest single fill\n");
            var fixed = engine.reload();
            assertThat(fixed.reloaded()).isTrue();
            assertThat(fixed.problems()).isEmpty();
            assertThat(fixed.serving().version()).isNotEqualTo(before).isEqualTo(engine.knowledgeBase().version());
            assertThat(engine.check(request)).hasFinding("RUXO-SITE-LARGE-FILL");
        } finally {
            stop.set(true);
            for (Thread thread : serving) {
                thread.join();
            }
        }
        assertThat(failures.get()).as("checks that failed or mixed knowledge bases while reloading").isZero();
    }
}
