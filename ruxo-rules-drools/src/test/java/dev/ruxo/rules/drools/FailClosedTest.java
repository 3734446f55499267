package dev.ruxo.rules.drools;

import static dev.ruxo.rules.testkit.RuxoAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ruxo.rules.CheckFailedException;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.Decision;
import dev.ruxo.rules.RuleCompilationException;
import dev.ruxo.rules.RuleMessage;
import dev.ruxo.rules.testkit.CheckRequests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 13: no rules folder and no failure inside the engine may turn into a silent PROCEED. Each test goes through
 * the public builder with a rules folder, as a site does.
 */
class FailClosedTest {

    private static final String HEAD = """
            package site.rules;
            import dev.ruxo.rules.drools.facts.*;
            global dev.ruxo.rules.drools.facts.Findings findings;
            """;

    @TempDir
    Path folder;

    private void write(String name, String text) throws IOException {
        Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static String rule(String name, String when, String then) {
        return """
                rule "%s"
                    @ruleId("RUXO-SITE-%s") @category("DATA") @severity("INFO") @section("policy") @revision("2025-09")
                    @title("a site rule")
                when
                    %s
                then
                    %s
                end
                """.formatted(name, Integer.toHexString(name.hashCode()).toUpperCase(), when, then);
    }

    private List<RuleMessage> problems() {
        try {
            DroolsCheckEngine.builder().rulesFolder(folder).build();
        } catch (RuleCompilationException e) {
            return e.messages();
        }
        throw new AssertionError("the rules folder compiled");
    }

    private static void assertNoMessageCarries(Throwable t, String text) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            assertThat(String.valueOf(c.getMessage())).doesNotContain(text);
            assertThat(c.toString()).doesNotContain(text);
        }
    }

    // --- item 4: rule metadata keyed by package and name; a clash is an error

    @Test
    void aSiteRuleNamedLikeABuiltInRuleInAnotherPackageIsAnError() throws IOException {
        write("site.drl", HEAD + rule("Treated area above the atopic dermatitis limit", "OrderFact()",
                "findings.add(kcontext, \"site\", \"site\");"));
        assertThat(problems()).singleElement().satisfies(m -> {
            assertThat(m.resource()).endsWith("site.drl");
            assertThat(m.line()).isPositive();
            assertThat(m.text()).contains("already declared at dosing.drl:");
        });
    }

    @Test
    void aSiteRuleGetsItsOwnMetadataAndLeavesTheBuiltInFindingAlone() throws IOException {
        write("site.drl", HEAD + rule("Site note", "OrderFact()", "findings.add(kcontext, \"site note\", null);"));
        var engine = DroolsCheckEngine.builder().rulesFolder(folder).build();
        var a = engine.check(CheckRequests.adultAtopicDermatitis().bsa("25").build());
        assertThat(a).hasFinding("RUXO-DOSE-BSA-AD").hasFinding("RUXO-SITE-" + Integer.toHexString("Site note".hashCode())
                .toUpperCase());
    }

    // --- item 5: guard rails against rules that end or empty a check, or reach out of the engine

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "drools.halt();                         | halts the engine",
        "findings.clear();                      | uses the findings other than to add",
        "delete($o);                            | deletes a fact",
        "retract($o);                           | deletes a fact",
        "drools.getKieRuntime().halt();         | halts the engine",
        "kcontext.getKnowledgeRuntime();        | reaches into the engine",
        "System.exit(0);                        | reaches the Java runtime",
        "Runtime.getRuntime().halt(0);          | reaches the Java runtime",
        "new ProcessBuilder(\"sh\").start();    | reaches the Java runtime",
        "new Thread(() -> {}).start();          | reaches the Java runtime",
        "java.nio.file.Files.delete(null);      | reaches files",
        "new java.net.Socket(\"h\", 1);         | reaches files, sockets",
        "Class.forName(\"x\");                  | uses reflection"})
    void unsafeSiteRulesAreRefusedWithFileAndLine(String consequence, String why) throws IOException {
        write("unsafe.drl", HEAD + rule("Unsafe", "$o : OrderFact()", consequence));
        assertThat(problems()).isNotEmpty().allSatisfy(m -> {
            assertThat(m.resource()).endsWith("unsafe.drl");
            assertThat(m.line()).isEqualTo(10);
            assertThat(m.text()).contains("--allow-unsafe-rules");
        }).anySatisfy(m -> assertThat(m.text()).contains(why));
    }

    @Test
    void theAllowOptionAcceptsThemAndCommentsOrTextsNeverTrigger() throws IOException {
        write("unsafe.drl", HEAD + rule("Unsafe", "$o : OrderFact()", "if (false) { System.exit(0); }"));
        var engine = DroolsCheckEngine.builder().rulesFolder(folder).allowUnsafeRules(true).build();
        assertThat(engine.check(CheckRequests.adultAtopicDermatitis().build())).hasDecision(Decision.PROCEED);

        write("unsafe.drl", HEAD + "// drools.halt(); System.exit(0)\n/* delete($o); new Thread() */\n"
                + rule("Mentions", "OrderFact()", "findings.add(kcontext, \"System.exit(0) and halt() are words\", null);"));
        DroolsCheckEngine.builder().rulesFolder(folder).build();
    }

    // --- item 6: every entry of a rules folder is loaded or reported with its path

    @Test
    void entriesThatLookLikeRulesFilesButCannotBeAreErrors() throws IOException {
        write("parameters.CSV", "id,value,unit,section,revision,verified,description\n");
        Files.createDirectory(folder.resolve("dosing.drl"));
        Files.createSymbolicLink(folder.resolve("routes.csv"), folder.resolve("missing.csv"));
        assertThat(problems()).extracting(RuleMessage::resource).containsExactlyInAnyOrder(
                folder.resolve("dosing.drl").toString(), folder.resolve("parameters.CSV").toString(),
                folder.resolve("routes.csv").toString());
        assertThat(problems()).extracting(RuleMessage::text).anyMatch(t -> t.contains("rename it to parameters.csv"))
                .anyMatch(t -> t.contains("is a folder")).anyMatch(t -> t.contains("symbolic link"));
    }

    @Test
    void otherEntriesAreNotedInTheWarnings() throws IOException {
        write("README.md", "notes\n");
        Files.createDirectory(folder.resolve("old"));
        var engine = DroolsCheckEngine.builder().rulesFolder(folder).build();
        assertThat(engine.knowledgeBaseWarnings()).extracting(RuleMessage::resource).contains(
                folder.resolve("README.md").toString(), folder.resolve("old").toString());
    }

    @Test
    void aMissingFolderIsAnErrorNamingIt() {
        assertThatThrownBy(() -> DroolsCheckEngine.builder().rulesFolder(folder.resolve("nope")).build())
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.messages()).singleElement()
                        .satisfies(m -> assertThat(m.toString()).contains("nope").contains("does not exist")));
    }

    // --- item 7: parameter ranges; loosening a label limit is allowed but reported

    @Test
    void aParameterOutsideItsRangeIsAnError() throws IOException {
        write("parameters.csv", "id,value,unit,section,revision,verified,description\n"
                + "QUANTITY_WINDOW_DAYS,0,days,2,2025-09,true,length of the quantity window\n");
        assertThat(problems()).singleElement().satisfies(m -> {
            assertThat(m.line()).isEqualTo(2);
            assertThat(m.text()).contains("QUANTITY_WINDOW_DAYS").contains("between 1 and 365");
        });
    }

    @Test
    void aLooserSiteValueIsAllowedButReportedAndAStricterOneIsNot() throws IOException {
        write("parameters.csv", "id,value,unit,section,revision,verified,description\n"
                + "AD_MAX_BSA_PERCENT,30,percent BSA,2.1,2025-09,true,site limit\n"
                + "MAX_GRAMS_PER_WINDOW,50,grams,2,2025-09,true,site limit\n");
        var engine = DroolsCheckEngine.builder().rulesFolder(folder).build();
        assertThat(engine.knowledgeBaseWarnings()).filteredOn(w -> w.text().contains("loosens a label limit"))
                .singleElement().satisfies(w -> assertThat(w.text()).contains("AD_MAX_BSA_PERCENT = 30")
                        .contains("label's value is 20"));
        assertThat(RuleCatalogue.markdown(engine)).contains("Label limits loosened").contains("AD_MAX_BSA_PERCENT = 30");
        assertThat(engine.check(CheckRequests.adultAtopicDermatitis().bsa("25").build()))
                .hasNoFinding("RUXO-DOSE-BSA-AD");
    }

    // --- item 8: every failure inside the engine is a CheckFailedException and retires the pool

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "throw new AssertionError(\"boom\");",
        "throw new OutOfMemoryError(\"boom\");",
        "throw new StackOverflowError();",
        "throw new IllegalStateException(\"boom\");",
        "throw new ExceptionInInitializerError(\"boom\");"})
    void everyErrorInARuleIsACheckFailedExceptionAndRetiresThePool(String consequence) throws IOException {
        write("failing.drl", HEAD + rule("Failing", "MedicationFact(text == \"trigger\")", consequence));
        var engine = DroolsCheckEngine.builder().rulesFolder(folder).build();
        var before = engine.sessions().current();
        CheckRequest trigger = CheckRequests.adultAtopicDermatitis().medication("trigger", "oral").build();
        assertThatThrownBy(() -> engine.check(trigger)).isInstanceOf(CheckFailedException.class)
                .hasMessageContaining("not checked");
        assertThat(engine.sessions().current()).as("the pool was retired").isNotSameAs(before);
        assertThat(engine.check(CheckRequests.adultAtopicDermatitis().build())).hasDecision(Decision.PROCEED);
    }

    @Test
    void aRecursingRuleIsACheckFailedException() throws IOException {
        write("failing.drl", HEAD + "function int down(int n) { return down(n + 1) + 1; }\n"
                + rule("Recursing", "OrderFact()", "down(0);"));
        var engine = DroolsCheckEngine.builder().rulesFolder(folder).build();
        assertThatThrownBy(() -> engine.check(CheckRequests.adultAtopicDermatitis().build()))
                .isInstanceOf(CheckFailedException.class).hasMessageContaining("StackOverflowError");
    }

    // --- item 9: every check is bounded in rule firings and in time

    @Test
    void aRuleThatUpdatesItselfForeverHitsTheFiringLimit() throws IOException {
        write("loop.drl", HEAD + rule("Loops", "$o : OrderFact()", "update($o);"));
        var engine = DroolsCheckEngine.builder().rulesFolder(folder).maxRuleFirings(5_000).build();
        var before = engine.sessions().current();
        assertThatThrownBy(() -> engine.check(CheckRequests.adultAtopicDermatitis().build()))
                .isInstanceOf(CheckFailedException.class).hasMessageContaining("limit of 5000 rule firings");
        assertThat(engine.sessions().current()).isNotSameAs(before);
    }

    @Test
    void theDefaultBoundsAlsoStopTheLoop() throws IOException {
        write("loop.drl", HEAD + rule("Loops", "$o : OrderFact()", "update($o);"));
        var engine = DroolsCheckEngine.builder().rulesFolder(folder).build();
        // Whichever default runs out first on this machine: both fail closed.
        assertThatThrownBy(() -> engine.check(CheckRequests.adultAtopicDermatitis().build()))
                .isInstanceOf(CheckFailedException.class).message().containsAnyOf(
                        "limit of " + DroolsCheckEngine.DEFAULT_MAX_RULE_FIRINGS + " rule firings",
                        "time budget of " + DroolsCheckEngine.DEFAULT_TIME_BUDGET.toMillis() + " ms");
    }

    @Test
    void aConsequenceThatNeverReturnsAndIgnoresInterruptsRunsOutOfTime() throws IOException {
        // Spins for 3 s whatever happens (an interrupt included), then ends, so the test leaves no thread behind.
        write("spin.drl", HEAD + rule("Spins", "OrderFact()",
                "long end = System.nanoTime() + 3000000000L; while (System.nanoTime() < end) { }"));
        var engine = DroolsCheckEngine.builder().rulesFolder(folder).allowUnsafeRules(true)
                .timeBudget(Duration.ofMillis(200)).build();
        var before = engine.sessions().current();
        long start = System.nanoTime();
        assertThatThrownBy(() -> engine.check(CheckRequests.adultAtopicDermatitis().build()))
                .isInstanceOf(CheckFailedException.class).hasMessageContaining("time budget of 200 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(engine.sessions().current()).isNotSameAs(before);
    }

    @Test
    void theBuiltInRulesAreBoundedToo() {
        var request = CheckRequests.adultAtopicDermatitis().bsa("25").grams(200).days(7)
                .medication("tofacitinib", "oral").build();
        var fewFirings = DroolsCheckEngine.builder().maxRuleFirings(2).build();
        assertThatThrownBy(() -> fewFirings.check(request)).isInstanceOf(CheckFailedException.class)
                .hasMessageContaining("limit of 2 rule firings");
        var noTime = DroolsCheckEngine.builder().timeBudget(Duration.ofNanos(1)).build();
        assertThatThrownBy(() -> noTime.check(request)).isInstanceOf(CheckFailedException.class)
                .hasMessageContaining("time budget");
        assertThat(DroolsCheckEngine.builder().build().check(request)).hasDecision(Decision.STOP);
    }

    // --- item 10: absurd DRL is a compilation problem, not a stack trace

    @Test
    void deeplyNestedParenthesesAreAProblemAndAFailedReload() throws IOException {
        write("site.drl", HEAD + rule("Fine", "OrderFact()", "findings.add(kcontext, \"fine\", null);"));
        var engine = DroolsCheckEngine.builder().rulesFolder(folder).buildReloading();
        String deep = "(".repeat(20_000) + "1" + ")".repeat(20_000);
        write("site.drl", HEAD + rule("Deep", "OrderFact(applicationsPerDay == " + deep + ")", "int x = 1;"));
        var reload = engine.reload();
        assertThat(reload.reloaded()).isFalse();
        assertThat(reload.problems()).isNotEmpty().allSatisfy(m -> assertThat(m.toString()).hasSizeLessThan(400));
        assertThat(engine.check(CheckRequests.adultAtopicDermatitis().build())).hasFinding(
                "RUXO-SITE-" + Integer.toHexString("Fine".hashCode()).toUpperCase());
    }

    // --- item 16: nothing the library throws carries request text

    @Test
    void aFailureQuotingTheRequestKeepsItOutOfTheExceptionChain() throws IOException {
        write("failing.drl", HEAD + rule("Parses", "$m : MedicationFact()", "Integer.parseInt($m.text());"));
        var engine = DroolsCheckEngine.builder().rulesFolder(folder).build();
        var request = CheckRequests.adultAtopicDermatitis().medication("ZZMED Jane Doe", "oral").build();
        assertThatThrownBy(() -> engine.check(request)).isInstanceOfSatisfying(CheckFailedException.class, e -> {
            assertNoMessageCarries(e, "Jane");
            assertThat(e.getCause()).isNotNull();
            assertThat(e.getCause().getStackTrace()).isNotEmpty();
        });
    }
}
