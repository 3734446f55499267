package dev.ruxo.rules.drools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.InvalidRequestException;
import dev.ruxo.rules.testkit.CheckRequests;
import dev.ruxo.rules.testkit.Scenario;
import dev.ruxo.rules.testkit.Scenarios;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
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
