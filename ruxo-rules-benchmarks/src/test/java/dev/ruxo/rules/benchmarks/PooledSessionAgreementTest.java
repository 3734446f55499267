package dev.ruxo.rules.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.ruxo.rules.CheckEngine;
import dev.ruxo.rules.drools.DroolsCheckEngine;
import org.junit.jupiter.api.Test;

/**
 * The pooled-session variant behind the recommendation in docs/performance.md gives exactly the shipped engine's
 * assessments (findings, texts, order and all); {@link ConcurrentLoadTest} runs it on four threads as well.
 */
class PooledSessionAgreementTest {

    private static final long SEED = Long.getLong("ruxo.qt.seed", 20261122L);

    @Test
    void pooledSessionsGiveTheShippedEnginesAssessments() {
        CheckEngine shipped = DroolsCheckEngine.builder().build();
        CheckEngine pooled = PooledSessionChecker.builtIn();
        qt().withFixedSeed(SEED).withExamples(1500).forAll(new RequestGenerator().requests())
                .checkAssert(request -> assertThat(pooled.check(request)).isEqualTo(shipped.check(request)));
    }
}
