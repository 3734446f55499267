package dev.ruxo.rules.benchmarks;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.CheckEngine;
import dev.ruxo.rules.CheckRequest;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Checks per millisecond, all threads together, with one thread and with two threads sharing one engine: the ratio
 * of the two is how well a check scales across this machine's two cores.
 *
 * <pre>
 * java -jar ruxo-rules-benchmarks/target/ruxo-rules-benchmarks.jar CheckThroughputBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 12, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class CheckThroughputBenchmark {

    /** Which engine. */
    @Param({Engines.DROOLS, Engines.BASELINE})
    public String engine;

    /** Which request. */
    @Param({Requests.TYPICAL, Requests.HEAVY, Requests.MANY_RULES})
    public String request;

    private CheckEngine checker;
    private CheckRequest input;

    /** Builds the engine and the request once per run. */
    @Setup
    public void setUp() {
        checker = Engines.create(engine);
        input = Requests.named(request);
    }

    /**
     * Checks on one thread.
     *
     * @return the assessment
     */
    @Benchmark
    @Threads(1)
    public Assessment oneThread() {
        return checker.check(input);
    }

    /**
     * Checks on two threads sharing the engine.
     *
     * @return the assessment
     */
    @Benchmark
    @Threads(2)
    public Assessment twoThreads() {
        return checker.check(input);
    }
}
