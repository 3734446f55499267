package dev.ruxo.rules.benchmarks;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.CheckEngine;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.Decision;
import dev.ruxo.rules.fhir.CdsCard;
import dev.ruxo.rules.fhir.CdsCards;
import dev.ruxo.rules.fhir.CdsHooksReader;
import dev.ruxo.rules.fhir.CdsHooksRequest;
import dev.ruxo.rules.fhir.FhirCheckMapper;
import dev.ruxo.rules.fhir.FhirMapping;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A typical CDS Hooks order-sign call, part by part and end to end: HAPI FHIR parsing of the request JSON, FHIR to
 * request mapping, the check itself, and the cards (made, then written as the CDS Hooks response JSON). The request
 * is {@code order-sign-typical.json}: one draft cream order, a Patient, two Conditions, two MedicationRequests, a
 * dispense and three Observations; it finds one CRITICAL and five WARNINGs, so six cards with suggestions and
 * override reasons. Each benchmark checks its result, so a wrong answer fails the run.
 *
 * <pre>
 * ./mvnw -B -q package -DskipTests -pl ruxo-rules-benchmarks -am
 * java -jar ruxo-rules-benchmarks/target/ruxo-rules-benchmarks.jar CdsHooksBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class CdsHooksBenchmark {

    private static final int EXPECTED_CARDS = 6;

    private CheckEngine engine;
    private final CdsHooksReader reader = CdsHooksReader.create();
    private final FhirCheckMapper mapper = FhirCheckMapper.builder().asOf(LocalDate.of(2026, 11, 22)).build();
    private final CdsCards cards = CdsCards.create();
    private String body;
    private CdsHooksRequest parsed;
    private FhirMapping mapping;
    private CheckRequest request;
    private Assessment assessment;

    /** Builds the engine, reads the request once, and checks that it gives the expected cards. */
    @Setup
    public void setUp() {
        engine = Engines.create(Engines.DROOLS);
        try (InputStream in = CdsHooksBenchmark.class.getResourceAsStream("order-sign-typical.json")) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        parsed = reader.read(body);
        mapping = mapper.map(parsed);
        request = mapping.request();
        assessment = engine.check(request);
        if (assessment.decision() != Decision.STOP || endToEnd().length() < 1000) {
            throw new IllegalStateException("the typical CDS Hooks request no longer gives its expected cards");
        }
    }

    /**
     * The in-process check of the mapped request, as {@link CheckLatencyBenchmark} measures it.
     *
     * @return the assessment
     */
    @Benchmark
    public Assessment check() {
        return engine.check(request);
    }

    /**
     * HAPI FHIR parsing of the request JSON (Jackson for the envelope, HAPI for each resource).
     *
     * @return the request
     */
    @Benchmark
    public CdsHooksRequest parse() {
        return reader.read(body);
    }

    /**
     * FHIR to request mapping, from parsed HAPI objects.
     *
     * @return the mapping
     */
    @Benchmark
    public FhirMapping map() {
        return mapper.map(parsed);
    }

    /**
     * Cards from the assessment, written as the CDS Hooks response JSON.
     *
     * @return the response body
     */
    @Benchmark
    public String cards() {
        return cards.writeResponse(cards.cards(mapping, assessment, parsed.hookInstance()));
    }

    /**
     * Map, check, cards and response JSON, from parsed HAPI objects: what an EHR holding HAPI objects pays.
     *
     * @return the response body
     */
    @Benchmark
    public String mapCheckCards() {
        FhirMapping m = mapper.map(parsed);
        Assessment a = engine.check(m.request());
        List<CdsCard> made = cards.cards(m, a, parsed.hookInstance());
        if (made.size() != EXPECTED_CARDS) {
            throw new IllegalStateException("expected " + EXPECTED_CARDS + " cards, got " + made.size());
        }
        return cards.writeResponse(made);
    }

    /**
     * The whole call from request JSON to response JSON: parse, map, check, cards.
     *
     * @return the response body
     */
    @Benchmark
    public String endToEnd() {
        CdsHooksRequest r = reader.read(body);
        FhirMapping m = mapper.map(r);
        Assessment a = engine.check(m.request());
        List<CdsCard> made = cards.cards(m, a, r.hookInstance());
        if (made.size() != EXPECTED_CARDS) {
            throw new IllegalStateException("expected " + EXPECTED_CARDS + " cards, got " + made.size());
        }
        return cards.writeResponse(made);
    }
}
