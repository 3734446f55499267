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
 * The scaling curve: mean time of one check as one list of the request grows from 10 to 10,000 entries (the other
 * lists empty). See {@link Requests#scaled} for what the lists hold.
 *
 * <pre>
 * java -jar ruxo-rules-benchmarks/target/ruxo-rules-benchmarks.jar ScalingBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ScalingBenchmark {

    /**
     * Which engine and which list grows: the Drools engine for each list, the baseline for medications (the list
     * where the two differ most). The other lists stay empty.
     */
    @Param({"drools/medications", "drools/conditions", "drools/dispenses", "baseline/medications"})
    public String series;

    /** How long the list is. */
    @Param({"10", "100", "1000", "10000"})
    public int size;

    private CheckEngine checker;
    private CheckRequest input;

    /** Builds the engine and the request. */
    @Setup
    public void setUp() {
        String[] engineAndList = series.split("/");
        checker = Engines.create(engineAndList[0]);
        input = switch (engineAndList[1]) {
            case "medications" -> Requests.scaled(size, 0, 0);
            case "conditions" -> Requests.scaled(0, size, 0);
            case "dispenses" -> Requests.scaled(0, 0, size);
            default -> throw new IllegalArgumentException("no list named " + engineAndList[1]);
        };
    }

    /**
     * One check.
     *
     * @return the assessment
     */
    @Benchmark
    public Assessment check() {
        return checker.check(input);
    }
}
