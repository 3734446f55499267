package dev.ruxo.rules.drools;

import static dev.ruxo.rules.testkit.RuxoAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.CheckEngine;
import dev.ruxo.rules.CheckFailedException;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.Decision;
import dev.ruxo.rules.Finding;
import dev.ruxo.rules.InvalidRequestException;
import dev.ruxo.rules.RuxoRules;
import dev.ruxo.rules.Violation;
import dev.ruxo.rules.testkit.CheckRequests;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DroolsCheckEngineTest {

    private final DroolsCheckEngine engine = TestEngine.engine();

    @Test
    void serviceLoaderFindsTheDroolsEngine() {
        CheckEngine found = RuxoRules.newEngine();
        assertThat(found).isInstanceOf(DroolsCheckEngine.class);
        assertThat(found.knowledgeBase()).isEqualTo(engine.knowledgeBase());
    }

    @Test
    void knowledgeBaseInfoNamesJurisdictionRevisionAndAContentHash() {
        assertThat(engine.knowledgeBase().jurisdiction()).isEqualTo("US");
        assertThat(engine.knowledgeBase().labelRevision()).isEqualTo("2025-09");
        assertThat(engine.knowledgeBase().version()).matches("2025-09\\+sha256\\.[0-9a-f]{16}");
    }

    @Test
    void versionChangesWhenAnyFileChanges() {
        var changed = DroolsCheckEngine.builder()
                .files(KnowledgeBaseFixtures.builtInWith("routes.csv", s -> s + "salve,skin\n")).build();
        assertThat(changed.knowledgeBase().version()).isNotEqualTo(engine.knowledgeBase().version());
    }

    @Test
    void sameRequestTwiceGivesEqualAssessments() {
        CheckRequest request = manyFindings();
        assertThat(engine.check(request)).isEqualTo(engine.check(request));
    }

    @Test
    void findingsAreSortedBySeverityThenRuleId() {
        Assessment a = engine.check(manyFindings());
        assertThat(a.findings()).isSortedAccordingTo(Finding.ORDER);
        assertThat(a.findings().size()).isGreaterThan(5);
        assertThat(a).hasDecision(Decision.STOP);
    }

    @Test
    void sharedEngineGivesTheSameAnswersOnFourThreadsAsSequentially() throws Exception {
        List<CheckRequest> requests = List.of(manyFindings(), CheckRequests.adultAtopicDermatitis().build(),
                CheckRequests.adultVitiligo().bsa("12").build(), CheckRequests.childAtopicDermatitis(5).grams(45).build(),
                CheckRequests.adultAtopicDermatitis().medication("tofacitinib", "oral").dispensed(2, 60, 7).build());
        List<Assessment> expected = requests.stream().map(engine::check).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                Callable<Integer> task = () -> {
                    int mismatches = 0;
                    for (int i = 0; i < 500; i++) {
                        int k = (i + offset) % requests.size();
                        if (!engine.check(requests.get(k)).equals(expected.get(k))) {
                            mismatches++;
                        }
                    }
                    return mismatches;
                };
                results.add(pool.submit(task));
            }
            for (Future<Integer> f : results) {
                assertThat(f.get()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void invalidRequestIsRejectedWithEveryViolation() {
        CheckRequest bad = CheckRequests.adultAtopicDermatitis().bsa("-5").grams(0).days(0)
                .birthDate(CheckRequests.DEFAULT_AS_OF.plusDays(1)).ndc("123").indication(null).buildUnchecked();
        assertThatThrownBy(() -> engine.check(bad)).isInstanceOfSatisfying(InvalidRequestException.class, e ->
                assertThat(e.violations()).extracting(Violation::field).containsExactlyInAnyOrder(
                        "patient.birthDate", "order.indication", "order.bsaPercent", "order.quantityGrams",
                        "order.daysSupply", "order.ndc"));
    }

    @Test
    void requestWithoutAsOfIsEvaluatedOnTheEngineClockDate() {
        var fixed = Clock.fixed(LocalDate.of(2030, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        var onClock = DroolsCheckEngine.builder().clock(fixed).build();
        // born 2028-01-02: one year old on the clock's date, so the atopic dermatitis age rule fires
        CheckRequest request = new CheckRequest(null, CheckRequests.adultAtopicDermatitis()
                .birthDate(LocalDate.of(2028, 1, 2)).asOf(LocalDate.of(2030, 1, 1)).build().patient(),
                CheckRequests.adultAtopicDermatitis().build().order(), List.of(), List.of());
        assertThat(onClock.check(request)).hasFinding("RUXO-IND-AGE-AD");
    }

    /** The built-in rules plus one, of least salience, that throws when {@code condition} matches. */
    private static DroolsCheckEngine withFailingRule(String condition) {
        String throwing = """
                package dev.ruxo.rules.kb.us;
                import dev.ruxo.rules.drools.facts.*;
                global dev.ruxo.rules.drools.facts.Findings findings;
                rule "Fails"
                    @ruleId("RUXO-TEST-FAIL") @category("DATA") @severity("INFO") @section("0") @revision("0")
                    @title("fails")
                    salience -100
                when
                    %s
                then
                    throw new IllegalStateException("boom");
                end
                """.formatted(condition);
        return DroolsCheckEngine.builder().files(KnowledgeBaseFixtures.builtInPlus("failing.drl", throwing)).build();
    }

    @Test
    void failureInsideTheRulesThrowsAndNeverProceeds() {
        var failing = withFailingRule("OrderFact()");
        assertThatThrownBy(() -> failing.check(CheckRequests.adultAtopicDermatitis().build()))
                .isInstanceOf(CheckFailedException.class)
                .hasMessageContaining("not checked");
    }

    @Test
    void aSessionThatFailedMidCheckGivesCleanAnswersAfterwards() {
        // Fails only for one medication name, after the other rules have had their chance to fire.
        var failing = withFailingRule("MedicationFact(text == \"trigger a failure\")");
        CheckRequest trigger = CheckRequests.adultAtopicDermatitis().bsa("25").grams(200).days(7)
                .medication("trigger a failure", "oral").medication("tofacitinib 5 mg tablet", "oral").build();
        List<CheckRequest> clean = List.of(CheckRequests.adultAtopicDermatitis().build(), manyFindings(),
                CheckRequests.adultAtopicDermatitis().bsa("25").build());
        // One thread, so the session that failed is the one the next check gets from the pool.
        for (int round = 0; round < 3; round++) {
            assertThatThrownBy(() -> failing.check(trigger)).isInstanceOf(CheckFailedException.class);
            for (CheckRequest request : clean) {
                assertThat(failing.check(request).findings()).as("round %d", round)
                        .isEqualTo(engine.check(request).findings());
            }
        }
    }

    @Test
    void failingChecksOnSomeThreadsDoNotDisturbChecksOnOthers() throws Exception {
        var failing = withFailingRule("MedicationFact(text == \"trigger a failure\")");
        CheckRequest trigger = CheckRequests.adultAtopicDermatitis().medication("trigger a failure", "oral").build();
        List<CheckRequest> clean = List.of(CheckRequests.adultAtopicDermatitis().build(), manyFindings());
        List<List<Finding>> expected = clean.stream().map(r -> engine.check(r).findings()).toList();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                boolean fails = t == 0;
                results.add(threads.submit(() -> {
                    int mismatches = 0;
                    for (int i = 0; i < 300; i++) {
                        if (fails && i % 3 == 0) {
                            try {
                                failing.check(trigger);
                                mismatches++;
                            } catch (CheckFailedException expectedFailure) {
                                // Every third check of this thread fails, retiring the pool the others use.
                            }
                        } else if (!failing.check(clean.get(i % 2)).findings().equals(expected.get(i % 2))) {
                            mismatches++;
                        }
                    }
                    return mismatches;
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(120, TimeUnit.SECONDS)).isZero();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anEngineKeepsNothingOfAFailedCheck() throws InterruptedException {
        var failing = withFailingRule("MedicationFact(text == \"trigger a failure\")");
        List<WeakReference<Object>> kept = partsOfAFailedCheck(failing);
        for (int i = 0; i < 3; i++) {
            failing.check(CheckRequests.adultAtopicDermatitis().build());
        }
        assertThat(Collected.all(kept)).as("the failed check's request and medication text are no longer reachable")
                .isTrue();
        Reference.reachabilityFence(failing);
    }

    private static List<WeakReference<Object>> partsOfAFailedCheck(DroolsCheckEngine engine) {
        String medication = new String("trigger a failure".toCharArray());
        CheckRequest request = CheckRequests.adultAtopicDermatitis().medication(medication, "oral").build();
        assertThatThrownBy(() -> engine.check(request)).isInstanceOf(CheckFailedException.class);
        return List.of(new WeakReference<>(request), new WeakReference<>(medication));
    }

    @Test
    void nullRequestIsAnArgumentError() {
        assertThatThrownBy(() -> engine.check(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("request");
    }

    private static CheckRequest manyFindings() {
        return CheckRequests.adultAtopicDermatitis().age(60).bsa("25").grams(100).days(7).applicationsPerDay(3)
                .occlusiveDressing(true).condition("I10", "Hypertension").condition("E78.5", "Hyperlipidemia")
                .medication("tofacitinib 5 mg tablet", "oral").medication("fluconazole", "oral")
                .medication("lisinopril", "oral").dispensed(1, 60, 7).treatedForDays(90).build();
    }
}
