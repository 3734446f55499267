package dev.ruxo.rules.benchmarks;

import dev.ruxo.rules.CheckEngine;
import dev.ruxo.rules.CheckRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Two-thread throughput of two engines built in one JVM, measured in alternating windows, so a machine whose speed
 * drifts from minute to minute slows both alike. Each round runs every engine for one window, in the same order, on
 * two new threads sharing that engine; the report gives each round, each engine's median and how many rounds the
 * second engine was ahead.
 *
 * <p>By default the two are the same engine built twice, which shows how far two instances of identical code can
 * differ within one JVM: see "Throughput on two threads" in docs/performance.md. A comparison of two different engines
 * therefore needs several JVMs, with the order swapped.
 *
 * <pre>
 * java -cp ruxo-rules-benchmarks/target/ruxo-rules-benchmarks.jar dev.ruxo.rules.benchmarks.PairedThroughput
 * java -cp ruxo-rules-benchmarks/target/ruxo-rules-benchmarks.jar dev.ruxo.rules.benchmarks.PairedThroughput \
 *     --rounds 8 --seconds 2 --request heavy --engines drools,drools
 * </pre>
 *
 * <p>Defaults: 15 rounds of 2-second windows after 10 seconds of warm-up per engine, the typical request, and
 * {@code drools,drools}. Run nothing else meanwhile.
 */
public final class PairedThroughput {

    private PairedThroughput() {
    }

    /**
     * Runs the comparison.
     *
     * @param args see the class documentation
     * @throws InterruptedException if interrupted while the threads run
     */
    public static void main(String[] args) throws InterruptedException {
        int rounds = 15;
        long windowMillis = 2000;
        String request = Requests.TYPICAL;
        List<String> names = List.of(Engines.DROOLS, Engines.DROOLS);
        CheckRequest input;
        List<CheckEngine> engines;
        try {
            if (args.length % 2 != 0) {
                throw new IllegalArgumentException("options come in pairs, such as --rounds 15");
            }
            for (int i = 0; i < args.length; i += 2) {
                switch (args[i]) {
                    case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                    case "--seconds" -> windowMillis = Math.round(Double.parseDouble(args[i + 1]) * 1000);
                    case "--request" -> request = args[i + 1];
                    case "--engines" -> names = Arrays.asList(args[i + 1].split(","));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (rounds < 1 || windowMillis < 1) {
                throw new IllegalArgumentException("--rounds and --seconds must be positive");
            }
            input = Requests.named(request);
            engines = names.stream().map(Engines::create).toList();
        } catch (IllegalArgumentException e) {
            System.err.println("PairedThroughput: " + e.getMessage());
            System.exit(2);
            return;
        }
        for (CheckEngine engine : engines) {
            checksPerMilli(engine, input, 10_000);
        }
        long[][] results = new long[engines.size()][rounds];
        for (int round = 0; round < rounds; round++) {
            StringBuilder line = new StringBuilder("round " + (round + 1) + ":");
            for (int e = 0; e < engines.size(); e++) {
                results[e][round] = checksPerMilli(engines.get(e), input, windowMillis);
                line.append(' ').append(names.get(e)).append('=').append(results[e][round]);
            }
            System.out.println(line);
        }
        System.out.printf(Locale.ROOT, "Checks per ms on 2 threads, %s request, %d rounds of %d ms:%n", request, rounds,
                windowMillis);
        for (int e = 0; e < engines.size(); e++) {
            System.out.printf(Locale.ROOT, "  %-24s median %d%n", names.get(e), median(results[e]));
        }
        if (engines.size() == 2) {
            int wins = 0;
            for (int round = 0; round < rounds; round++) {
                wins += results[1][round] > results[0][round] ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "  %s ahead in %d of %d rounds%n", names.get(1), wins, rounds);
        }
    }

    /** Checks per millisecond of two new threads that share {@code engine} for {@code millis}. */
    private static long checksPerMilli(CheckEngine engine, CheckRequest input, long millis)
            throws InterruptedException {
        LongAdder checks = new LongAdder();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        long end = System.nanoTime() + millis * 1_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            threads.add(new Thread(() -> {
                long done = 0;
                try {
                    while (System.nanoTime() < end) {
                        if (engine.check(input).findings().isEmpty()) {
                            throw new IllegalStateException("the request should have findings");
                        }
                        done++;
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
                checks.add(done);
            }));
        }
        for (Thread thread : threads) {
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        // A thread that failed would otherwise only lower the count.
        if (failure.get() != null) {
            throw new IllegalStateException("a check failed, so no throughput is reported", failure.get());
        }
        return checks.sum() / millis;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
