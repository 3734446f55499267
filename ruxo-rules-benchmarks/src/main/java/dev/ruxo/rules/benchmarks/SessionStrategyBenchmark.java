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
 * What session reuse saves, measured: the shipped engine (sessions from a {@code KieSessionsPool}, reset and reused)
 * against {@link SessionPerCheckChecker} (a new stateless session per check), same requests, same run.
 * Latency is sampled on one thread; throughput is measured on one thread and on two, where a pool could contend.
 *
 * <pre>
 * java -jar ruxo-rules-benchmarks/target/ruxo-rules-benchmarks.jar SessionStrategyBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 12, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class SessionStrategyBenchmark {

    /** Which engine. */
    @Param({Engines.DROOLS, Engines.DROOLS_SESSION_PER_CHECK})
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
     * One check on one thread, sampled.
     *
     * @return the assessment
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @Threads(1)
    public Assessment latency() {
        return checker.check(input);
    }

    /**
     * Checks per millisecond on one thread.
     *
     * @return the assessment
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Threads(1)
    public Assessment oneThread() {
        return checker.check(input);
    }

    /**
     * Checks per millisecond on two threads sharing the engine.
     *
     * @return the assessment
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Threads(2)
    public Assessment twoThreads() {
        return checker.check(input);
    }
}
