package dev.ruxo.rules.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.QuickTheory.qt;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.CheckEngine;
import dev.ruxo.rules.CheckRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Load on one shared engine: four threads run 10,000 checks of 400 different requests, each thread in its own order,
 * and every assessment must equal the one the same engine gave sequentially. Bounded to a minute.
 */
class ConcurrentLoadTest {

    private static final long SEED = Long.getLong("ruxo.qt.seed", 20261122L);
    private static final int THREADS = 4;
    private static final int CHECKS_PER_THREAD = 2_500;

    private static final List<CheckRequest> REQUESTS = new ArrayList<>();

    @BeforeAll
    static void requests() {
        qt().withFixedSeed(SEED).withExamples(397).forAll(new RequestGenerator().requests()).checkAssert(REQUESTS::add);
        REQUESTS.add(Requests.typical());
        REQUESTS.add(Requests.heavy());
        REQUESTS.add(Requests.manyRules());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {Engines.DROOLS, Engines.DROOLS_SESSION_PER_CHECK, Engines.BASELINE})
    void fourThreadsGiveTheSequentialAnswers(String engineName) {
        CheckEngine engine = Engines.create(engineName);
        List<Assessment> sequential = REQUESTS.stream().map(engine::check).toList();

        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> done = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    done.add(pool.submit(() -> {
                        start.await();
                        int checked = 0;
                        for (int i = 0; i < CHECKS_PER_THREAD; i++) {
                            // each thread walks the requests with its own stride, so threads check different
                            // requests at the same moment
                            int which = (int) ((long) i * (2 * thread + 1) + thread * 97L) % REQUESTS.size();
                            try {
                                Assessment got = engine.check(REQUESTS.get(which));
                                if (!got.equals(sequential.get(which))) {
                                    problems.add("thread " + thread + ", request " + which + ": different assessment");
                                }
                            } catch (RuntimeException e) {
                                problems.add("thread " + thread + ", request " + which + ": " + e);
                            }
                            checked++;
                        }
                        return checked;
                    }));
                }
                start.countDown();
                int total = 0;
                for (Future<Integer> f : done) {
                    total += f.get();
                }
                assertThat(total).isEqualTo(THREADS * CHECKS_PER_THREAD);
            } finally {
                pool.shutdownNow();
                pool.awaitTermination(10, TimeUnit.SECONDS);
            }
        });
        assertThat(problems).as("mismatches and failures under load").isEmpty();
    }
}
