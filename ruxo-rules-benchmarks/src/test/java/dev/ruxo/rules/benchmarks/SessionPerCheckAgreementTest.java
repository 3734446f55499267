package dev.ruxo.rules.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.ruxo.rules.CheckEngine;
import dev.ruxo.rules.drools.DroolsCheckEngine;
import org.junit.jupiter.api.Test;

/**
 * The shipped engine, which reuses pooled sessions, gives exactly the assessments (findings, texts, order and all) of
 * a new session per check; {@link ConcurrentLoadTest} runs both on four threads as well.
 */
class SessionPerCheckAgreementTest {

    private static final long SEED = Long.getLong("ruxo.qt.seed", 20261122L);

    @Test
    void pooledSessionsGiveTheAssessmentsOfANewSessionPerCheck() {
        CheckEngine shipped = DroolsCheckEngine.builder().build();
        CheckEngine fresh = SessionPerCheckChecker.builtIn();
        qt().withFixedSeed(SEED).withExamples(1500).forAll(new RequestGenerator().requests())
                .checkAssert(request -> assertThat(shipped.check(request)).isEqualTo(fresh.check(request)));
    }
}
