package dev.ruxo.rules.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.QuickTheory.qt;

import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.drools.DroolsCheckEngine;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No memory growth across 100,000 checks on one engine: the heap that survives a full collection after the last
 * check is within a small margin of the heap after the warm-up. A leak of even 100 bytes a check (a session, a
 * finding or a fact kept by the knowledge base) would add about 9 MB and fail it.
 */
class MemoryStabilityTest {

    private static final long SEED = Long.getLong("ruxo.qt.seed", 20261122L);
    private static final int WARM_UP = 10_000;
    private static final int CHECKS = 100_000;
    private static final long ALLOWED_GROWTH = 4L << 20;

    @Test
    void heapDoesNotGrowAcrossAHundredThousandChecks() {
        List<CheckRequest> requests = new ArrayList<>();
        qt().withFixedSeed(SEED).withExamples(97).forAll(new RequestGenerator().requests()).checkAssert(requests::add);
        requests.add(Requests.typical());
        requests.add(Requests.heavy());
        requests.add(Requests.manyRules());
        DroolsCheckEngine engine = DroolsCheckEngine.builder().build();

        List<Long> retained = new ArrayList<>();
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            for (int i = 0; i < WARM_UP; i++) {
                engine.check(requests.get(i % requests.size()));
            }
            retained.add(retainedHeap());
            for (int i = 1; i <= CHECKS; i++) {
                engine.check(requests.get(i % requests.size()));
                if (i % 25_000 == 0) {
                    retained.add(retainedHeap());
                }
            }
        });
        long growth = retained.get(retained.size() - 1) - retained.get(0);
        assertThat(growth).as("retained heap after warm-up and after each 25,000 checks: %s", retained)
                .isLessThan(ALLOWED_GROWTH);
    }

    /** Heap in use after full collections, once it stops shrinking. */
    private static long retainedHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            long now = memory.getHeapMemoryUsage().getUsed();
            if (now >= used) {
                return now;
            }
            used = now;
        }
        return used;
    }
}
