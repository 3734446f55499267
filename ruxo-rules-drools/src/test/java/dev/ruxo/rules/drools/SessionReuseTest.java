package dev.ruxo.rules.drools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.Finding;
import dev.ruxo.rules.InvalidRequestException;
import dev.ruxo.rules.testkit.CheckRequests;
import dev.ruxo.rules.testkit.Scenario;
import dev.ruxo.rules.testkit.Scenarios;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The engine reuses Drools sessions across checks. Nothing of one check may reach the next: not a fact, a finding, a
 * global or a listener.
 */
class SessionReuseTest {

    private static List<CheckRequest> scenarioRequests() {
        List<CheckRequest> requests = new ArrayList<>();
        for (Scenario scenario : Scenarios.load(ScenarioFilesTest.SCENARIOS)) {
            try {
                requests.add(scenario.request().get());
            } catch (InvalidRequestException e) {
                // Rejected before any session is used.
            }
        }
        return requests;
    }

    @Test
    void anAnswerDoesNotDependOnTheChecksBeforeIt() {
        List<CheckRequest> requests = scenarioRequests();
        assertThat(requests).hasSizeGreaterThan(50);
        // In file order on one engine, then shuffled five times over on another: a leak from one check into the next
        // would have to change both orders identically to go unnoticed.
        DroolsCheckEngine inOrder = DroolsCheckEngine.builder().build();
        List<Assessment> first = new ArrayList<>();
        for (CheckRequest request : requests) {
            first.add(inOrder.check(request));
        }
        DroolsCheckEngine reused = DroolsCheckEngine.builder().build();
        List<Integer> order = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < requests.size(); i++) {
                order.add(i);
            }
        }
        Collections.shuffle(order, new Random(20261122L));
        for (int i : order) {
            assertThat(reused.check(requests.get(i))).as("request %d", i).isEqualTo(first.get(i));
        }
    }

    @Test
    void concurrentChecksOnReusedSessionsGiveTheSequentialAnswers() throws Exception {
        List<CheckRequest> requests = scenarioRequests();
        DroolsCheckEngine engine = DroolsCheckEngine.builder().build();
        List<Assessment> sequential = new ArrayList<>();
        for (CheckRequest request : requests) {
            sequential.add(engine.check(request));
        }
        // Each thread walks the requests from its own start, so sessions change hands between different requests.
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * requests.size() / threads;
                results.add(pool.submit(() -> {
                    List<String> mismatches = new ArrayList<>();
                    for (int round = 0; round < 5; round++) {
                        for (int k = 0; k < requests.size(); k++) {
                            int i = (offset + k) % requests.size();
                            if (!engine.check(requests.get(i)).equals(sequential.get(i))) {
                                mismatches.add("request " + i);
                            }
                        }
                    }
                    return mismatches;
                }));
            }
            for (Future<List<String>> result : results) {
                assertThat(result.get(120, TimeUnit.SECONDS)).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anIdleEngineKeepsNothingOfItsLastCheck() throws InterruptedException {
        DroolsCheckEngine engine = DroolsCheckEngine.builder().build();
        List<WeakReference<Object>> kept = partsOfOneCheck(engine);
        assertThat(Collected.all(kept))
                .as("the request, a medication's text and a finding of the last check are no longer reachable")
                .isTrue();
        Reference.reachabilityFence(engine);
    }

    /** Weak references to a request, a text its facts carry, and a finding of its assessment. */
    private static List<WeakReference<Object>> partsOfOneCheck(DroolsCheckEngine engine) {
        String medication = new String("tofacitinib 5 mg tablet".toCharArray());
        CheckRequest request = CheckRequests.adultAtopicDermatitis().bsa("25").medication(medication, "oral").build();
        Assessment assessment = engine.check(request);
        assertThat(assessment.findings()).hasSizeGreaterThanOrEqualTo(2);
        return List.of(new WeakReference<>(request), new WeakReference<>(medication),
                new WeakReference<>(assessment.findings().get(0)));
    }

    @Test
    void aListenerHearsEachFiringOnceHoweverOftenSessionsAreReused() {
        AtomicInteger firings = new AtomicInteger();
        DroolsCheckEngine engine = DroolsCheckEngine.builder().onRuleFired(id -> firings.incrementAndGet()).build();
        CheckRequest request = CheckRequests.adultAtopicDermatitis().bsa("25").grams(200).days(7).build();
        int findings = engine.check(request).findings().size();
        assertThat(findings).isGreaterThanOrEqualTo(2);
        int perCheck = firings.getAndSet(0);
        for (int i = 0; i < 200; i++) {
            engine.check(request);
        }
        assertThat(firings.get()).isEqualTo(200 * perCheck);
    }
}
