package dev.ruxo.rules.drools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ruxo.rules.CheckEngine;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.InvalidRequestException;
import dev.ruxo.rules.testkit.CheckRequests;
import dev.ruxo.rules.testkit.Generators;
import dev.ruxo.rules.testkit.RuxoAssertions;
import dev.ruxo.rules.testkit.Scenario;
import dev.ruxo.rules.testkit.Scenarios;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.QuickTheory;

/**
 * The built-in rules ship precompiled to Drools' executable model, and the DRL they were compiled from stays the source
 * of truth: an engine that compiles the DRL at load time must give exactly the same assessments, for every scenario
 * file and for generated requests. Every other test in this module runs against the precompiled rules.
 */
class PrecompiledRulesTest {

    private static final List<String> FIRED_FROM_DRL = new ArrayList<>();
    private static DroolsCheckEngine fromDrl;

    @BeforeAll
    static void compileTheDrl() {
        fromDrl = DroolsCheckEngine.builder().compileDrl().onRuleFired(FIRED_FROM_DRL::add).build();
    }

    @Test
    void theBuiltInEngineRunsThePrecompiledRules() {
        assertThat(TestEngine.engine().compiled().precompiled())
                .as("the build step that precompiles the DRL (exec-maven-plugin in ruxo-rules-drools) has run")
                .isTrue();
        assertThat(fromDrl.compiled().precompiled()).isFalse();
    }

    @Test
    void bothGiveTheSameRulesAndMetadata() {
        assertThat(TestEngine.engine().compiled().rules()).isEqualTo(fromDrl.compiled().rules());
        assertThat(TestEngine.engine().knowledgeBase()).isEqualTo(fromDrl.knowledgeBase());
    }

    @Test
    void bothGiveTheSameAssessmentForEveryScenarioFile() {
        List<Scenario> scenarios = Scenarios.load(ScenarioFilesTest.SCENARIOS);
        assertThat(scenarios).isNotEmpty();
        for (Scenario scenario : scenarios) {
            CheckRequest request;
            try {
                request = scenario.request().get();
            } catch (InvalidRequestException e) {
                continue;
            }
            assertThat(answer(TestEngine.engine(), request)).as(scenario.name())
                    .isEqualTo(answer(fromDrl, request));
        }
    }

    @Test
    void bothGiveTheSameAssessmentForGeneratedRequests() {
        QuickTheory.qt().withFixedSeed(Long.getLong("ruxo.qt.seed", 20261122L)).withExamples(1500)
                .forAll(Generators.requests())
                .checkAssert(request -> assertThat(answer(TestEngine.engine(), request))
                        .isEqualTo(answer(fromDrl, request)));
    }

    @Test
    void bothFireTheSameRulesInTheSameOrder() {
        List<String> firedPrecompiled = new ArrayList<>();
        DroolsCheckEngine precompiled = DroolsCheckEngine.builder().onRuleFired(firedPrecompiled::add).build();
        assertThat(precompiled.compiled().precompiled()).isTrue();
        // Another seed than the assessment test above, so these are 500 more requests.
        QuickTheory.qt().withFixedSeed(Long.getLong("ruxo.qt.seed", 20261122L) + 1).withExamples(500)
                .forAll(Generators.requests())
                .checkAssert(request -> {
                    firedPrecompiled.clear();
                    FIRED_FROM_DRL.clear();
                    answer(precompiled, request);
                    answer(fromDrl, request);
                    assertThat(firedPrecompiled).isEqualTo(FIRED_FROM_DRL);
                });
    }

    @Test
    void aFolderThatChangesTheDrlIsCompiledAndOneThatOnlyChangesDataIsNot(@TempDir Path folder) throws IOException {
        Path dataOnly = Files.createDirectory(folder.resolve("data-only"));
        Files.writeString(dataOnly.resolve("parameters.csv"), """
                id,value,unit,section,revision,verified,description
                AD_MAX_BSA_PERCENT,15,percent BSA,policy,2025-09,true,site limit tighter than the label
                """);
        DroolsCheckEngine data = DroolsCheckEngine.builder().rulesFolder(dataOnly).build();
        assertThat(data.compiled().precompiled()).isTrue();
        ReloadingCheckEngine reloading = DroolsCheckEngine.builder().rulesFolder(dataOnly).buildReloading();
        assertThat(reloading.reload().reloaded()).isTrue();
        assertThat(reloading.compiled().precompiled()).as("after a reload").isTrue();
        // The limit is data, inserted at each check, so the override reaches the precompiled rules too.
        RuxoAssertions.assertThat(data.check(CheckRequests.adultAtopicDermatitis().bsa("16").build()))
                .hasFinding("RUXO-DOSE-BSA-AD");
        RuxoAssertions.assertThat(data.check(CheckRequests.adultAtopicDermatitis().bsa("15").build()))
                .hasNoFinding("RUXO-DOSE-BSA-AD");

        Path withRule = Files.createDirectory(folder.resolve("with-rule"));
        Files.writeString(withRule.resolve("site.drl"), RulesFolderTest.SITE_RULE);
        Files.writeString(withRule.resolve("parameters.csv"), """
                id,value,unit,section,revision,verified,description
                SITE_MAX_FILL_GRAMS,100,grams,policy,2025-09,true,site review quantity
                """);
        assertThat(DroolsCheckEngine.builder().rulesFolder(withRule).build().compiled().precompiled()).isFalse();
        ReloadingCheckEngine reloadingRule = DroolsCheckEngine.builder().rulesFolder(withRule).buildReloading();
        assertThat(reloadingRule.reload().reloaded()).isTrue();
        assertThat(reloadingRule.compiled().precompiled()).as("after a reload").isFalse();
    }

    /** The assessment, or the violations of an invalid request, so that both outcomes compare. */
    private static Object answer(CheckEngine engine, CheckRequest request) {
        try {
            return engine.check(request);
        } catch (InvalidRequestException e) {
            return e.violations();
        }
    }
}
