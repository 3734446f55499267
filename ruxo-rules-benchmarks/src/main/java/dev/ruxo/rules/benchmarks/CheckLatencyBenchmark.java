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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of one {@code check} (validation, fact building, rule session, assessment), sampled call by call (JMH
 * SampleTime), so the results carry the median and the 99th percentile as well as the mean. Runs every engine on the
 * typical, the heavy and the many-rules request of {@link Requests}, on one thread ({@link CheckThroughputBenchmark}
 * covers two). Drools needs 6 to 12 seconds of JIT warm-up on two cores before its times settle, hence the 12
 * warm-up iterations.
 *
 * <pre>
 * ./mvnw -B -q package -DskipTests -pl ruxo-rules-benchmarks -am
 * java -jar ruxo-rules-benchmarks/target/ruxo-rules-benchmarks.jar CheckLatencyBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 12, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class CheckLatencyBenchmark {

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
     * One check on one thread.
     *
     * @return the assessment, so the work cannot be optimised away
     */
    @Benchmark
    public Assessment oneThread() {
        return checker.check(input);
    }
}
