package dev.ruxo.rules.benchmarks;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.Finding;
import dev.ruxo.rules.RequestValidation;
import dev.ruxo.rules.drools.facts.Findings;
import dev.ruxo.rules.drools.internal.CompiledKnowledgeBase;
import dev.ruxo.rules.drools.internal.FactBuilder;
import dev.ruxo.rules.drools.internal.KnowledgeBaseFiles;
import dev.ruxo.rules.drools.internal.KnowledgeBaseLoader;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.StatelessKieSession;
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
 * Where the time of one Drools check goes: each step of {@code DroolsCheckEngine.check} on its own, replayed against
 * the same compiled knowledge base (the engine itself is not changed). Subtracting neighbours gives the breakdown in
 * docs/performance.md:
 *
 * <ul>
 *   <li>{@code validate}: {@link RequestValidation#requireValid};</li>
 *   <li>{@code buildFacts}: {@link FactBuilder#facts}, ages, day counts and every value-set lookup;</li>
 *   <li>{@code sessionEmpty}: a session from the pool, as the engine takes it, that runs no facts: taking the session,
 *       and resetting it when it is returned;</li>
 *   <li>{@code sessionParams}: the same with the 13 parameter facts every check inserts;</li>
 *   <li>{@code sessionAllFacts}: the same with all of the request's facts, prebuilt: insertion and rule matching and
 *       firing, consequences included;</li>
 *   <li>{@code assemble}: {@link Assessment#of}, sorting the findings and deriving the decision.</li>
 * </ul>
 *
 * <p>The whole check is {@link CheckLatencyBenchmark}: measured here, next to a second compiled knowledge base in the
 * same JVM, it was much noisier.
 *
 * <p>The steps that run Drools get 12 seconds of warm-up, the plain-Java ones 4.
 *
 * <pre>
 * java -jar ruxo-rules-benchmarks/target/ruxo-rules-benchmarks.jar WhereTimeGoesBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 12, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class WhereTimeGoesBenchmark {

    private static final String FINDINGS_GLOBAL = "findings";

    /** Which request. */
    @Param({Requests.TYPICAL, Requests.HEAVY, Requests.MANY_RULES})
    public String request;

    private CompiledKnowledgeBase kb;
    private KieSessionsPool sessions;
    private FactBuilder factBuilder;
    private CheckRequest input;
    private List<Object> params;
    private List<Object> facts;
    private List<Finding> found;

    /** Compiles the knowledge base and prebuilds the request's facts and findings. */
    @Setup
    public void setUp() {
        kb = KnowledgeBaseLoader.load(KnowledgeBaseFiles.builtIn());
        sessions = kb.kieBase().newKieSessionsPool(1);
        factBuilder = new FactBuilder(kb);
        input = Requests.named(request);
        params = List.copyOf(kb.params());
        facts = factBuilder.facts(input, input.asOf());
        found = run(facts).list();
    }

    private Findings run(List<Object> inserted) {
        Findings sink = new Findings(kb.rules(), kb.labelTitle(), kb.labelUrl());
        StatelessKieSession session = sessions.newStatelessKieSession();
        session.setGlobal(FINDINGS_GLOBAL, sink);
        session.execute(inserted);
        return sink;
    }

    /**
     * Request validation.
     *
     * @return the request
     */
    @Benchmark
    @Warmup(iterations = 4, time = 1)
    public CheckRequest validate() {
        RequestValidation.requireValid(input, input.asOf());
        return input;
    }

    /**
     * Fact building, value-set lookups included.
     *
     * @return the facts
     */
    @Benchmark
    @Warmup(iterations = 4, time = 1)
    public List<Object> buildFacts() {
        return factBuilder.facts(input, input.asOf());
    }

    /**
     * A pooled session that executes nothing.
     *
     * @return the findings (none)
     */
    @Benchmark
    public Findings sessionEmpty() {
        return run(List.of());
    }

    /**
     * A pooled session with the parameter facts only.
     *
     * @return the findings (none)
     */
    @Benchmark
    public Findings sessionParams() {
        return run(params);
    }

    /**
     * A pooled session with all of the request's facts.
     *
     * @return the findings
     */
    @Benchmark
    public Findings sessionAllFacts() {
        return run(facts);
    }

    /**
     * Sorting the findings into an assessment.
     *
     * @return the assessment
     */
    @Benchmark
    @Warmup(iterations = 4, time = 1)
    public Assessment assemble() {
        return Assessment.of(found, kb.info());
    }
}
