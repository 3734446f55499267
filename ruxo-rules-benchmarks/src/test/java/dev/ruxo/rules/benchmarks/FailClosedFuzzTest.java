package dev.ruxo.rules.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.CheckFailedException;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.Coding;
import dev.ruxo.rules.Decision;
import dev.ruxo.rules.Dispense;
import dev.ruxo.rules.InvalidRequestException;
import dev.ruxo.rules.Medication;
import dev.ruxo.rules.MedicationStatus;
import dev.ruxo.rules.Order;
import dev.ruxo.rules.Patient;
import dev.ruxo.rules.RequestValidation;
import dev.ruxo.rules.RuleCompilationException;
import dev.ruxo.rules.RuleMessage;
import dev.ruxo.rules.drools.DroolsCheckEngine;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: fuzzing beyond JSON. Random rules folders (data files with odd values and encodings, entries of every kind,
 * DRL that halts, deletes, loops, throws, nests or reaches System) must each build an engine or fail with a
 * {@link RuleCompilationException} whose every message names a file, and a built engine must answer every check with
 * an assessment or a {@link CheckFailedException}, never anything else, within its time budget. Random requests built
 * through the Java API (extreme numbers, dates, texts, list sizes) must be assessed or rejected, never fail or hang,
 * and a request with a value outside the documented bounds is always rejected. The counts of inputs tried per class
 * are printed for the record.
 */
class FailClosedFuzzTest {

    private static final long SEED = Long.getLong("ruxo.qt.seed", 20261122L);
    private static final int FOLDERS = 120;
    private static final int API_REQUESTS = 3000;
    private static final Duration SLOWEST_CHECK = Duration.ofSeconds(3);
    private static final Map<String, Integer> TRIED = new TreeMap<>();

    private static DroolsCheckEngine builtIn;
    private static List<CheckRequest> probes;

    @TempDir
    static Path work;

    @BeforeAll
    static void engine() {
        builtIn = DroolsCheckEngine.builder().build();
        probes = List.of(Requests.typical(), Requests.manyRules(), Requests.heavy());
    }

    @AfterAll
    static void report() {
        System.out.println("FailClosedFuzzTest inputs tried per class: " + TRIED);
    }

    private static void tried(String kind) {
        TRIED.merge(kind, 1, Integer::sum);
    }

    // --- rules folders

    private static final String HEAD = """
            package site.rules;
            import dev.ruxo.rules.drools.facts.*;
            global dev.ruxo.rules.drools.facts.Findings findings;
            """;

    private static final List<String> CONSEQUENCES = List.of("findings.add(kcontext, \"site\", null);",
            "drools.halt();", "findings.clear();", "delete($o);", "retract($o);", "System.exit(0);",
            "Runtime.getRuntime().exit(0);", "new Thread(() -> {}).start();", "update($o);",
            "throw new AssertionError(\"x\");", "throw new OutOfMemoryError();", "throw new RuntimeException(\"x\");",
            "Integer.parseInt(\"ZZ\");", "int[] a = new int[1]; a[2] = 1;", "findings.add(kcontext, \"site\", null);",
            "findings.add(kcontext, \"\", null);", "findings.add(kcontext, null, null);",
            "findings.add(kcontext, \"" + "x".repeat(500) + "\", \"\\u001b[2J\\nPROCEED\");",
            "java.nio.file.Files.delete(null);", "Class.forName(\"x\");", "kcontext.getKieRuntime().halt();");
    private static final List<String> CONDITIONS = List.of("$o : OrderFact()", "$o : PatientFact()",
            "$o : MedicationFact()", "$o : OrderFact(bsaPercent > 0)", "$o : NoSuchFact()",
            "$o : OrderFact(" + "(".repeat(3000) + "true" + ")".repeat(3000) + ")", "$o : OrderFact(route ==)",
            "$o : Param(id == \"NO_SUCH_PARAM\")", "$o : ConditionMatch(valueSet == \"NO_SUCH_SET\")");
    private static final List<String> META = List.of(
            "@ruleId(\"RUXO-SITE-%d\") @category(\"DATA\") @severity(\"INFO\") @section(\"policy\") @revision(\"1\") @title(\"t\")",
            "@ruleId(\"bad id\") @category(\"DATA\") @severity(\"INFO\") @section(\"p\") @revision(\"1\") @title(\"t\")",
            "@ruleId(\"RUXO-SITE-%d\") @category(\"NOPE\") @severity(\"LOUD\") @section(\"p\") @revision(\"1\") @title(\"t\")",
            "");
    private static final List<String> RULE_NAMES = List.of("Site rule %d", "Treated area above the atopic dermatitis limit",
            "Route other than topical", "Site rule %d");

    private static final List<String> PARAM_IDS = List.of("AD_MAX_BSA_PERCENT", "AD_MIN_AGE_YEARS",
            "VITILIGO_MAX_BSA_PERCENT", "MAX_GRAMS_PER_WINDOW", "QUANTITY_WINDOW_DAYS", "REFILL_MIN_USED_FRACTION",
            "MACE_RISK_MIN_AGE_YEARS", "NEW_SITE_PARAM", "lower_case");
    private static final List<String> VALUES = List.of("30", "15", "0", "-1", "1", "7", "20", "30", "1E+9", "1e400", "NaN", "",
            "0.5", "365", "366", "abc", "20.000000000000000000000000000001");

    private static String randomDrl(Random r, int n) {
        StringBuilder drl = new StringBuilder(r.nextInt(20) == 0 ? "" : HEAD);
        int rules = 1 + r.nextInt(3);
        for (int i = 0; i < rules; i++) {
            String name = String.format(mostlyFirst(r, RULE_NAMES), n * 10 + i);
            drl.append("rule \"").append(name).append("\"\n    ")
                    .append(String.format(mostlyFirst(r, META), n * 10 + i)).append("\n")
                    .append(r.nextInt(4) == 0 ? "    salience -100\n" : "")
                    .append("when\n    ").append(mostlyFirst(r, CONDITIONS)).append("\nthen\n    ")
                    .append(r.nextBoolean() ? CONSEQUENCES.get(0) : pick(r, CONSEQUENCES)).append("\nend\n");
        }
        if (r.nextInt(20) == 0) {
            drl.append("rule \"unterminated\n");
        }
        return drl.toString();
    }

    /** The first value most of the time (so that other mistakes get their turn), any value otherwise. */
    private static <T> T mostlyFirst(Random r, List<T> values) {
        return r.nextInt(3) != 0 ? values.get(0) : pick(r, values);
    }

    private static String randomParameters(Random r) {
        StringBuilder csv = new StringBuilder(r.nextBoolean() ? "id,value,unit,section,revision,verified,description\n"
                : "id,value,unit,section,revision,verified,description,min,max,looser\n");
        boolean full = csv.toString().endsWith("looser\n");
        int rows = 1 + r.nextInt(3);
        for (int i = 0; i < rows; i++) {
            csv.append(mostlyFirst(r, PARAM_IDS)).append(',').append(mostlyFirst(r, VALUES)).append(",unit,policy,2025-09,")
                    .append(mostlyFirst(r, List.of("true", "false", "maybe"))).append(",a site value");
            if (full) {
                csv.append(',').append(mostlyFirst(r, List.of("0", "1", ""))).append(',')
                        .append(mostlyFirst(r, List.of("100", "365", "", "-5"))).append(',')
                        .append(mostlyFirst(r, List.of("higher", "lower", "none", "", "sideways")));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    /** Writes a file unless something of that name is already there (a folder or a link the fuzzer made). */
    private static void put(Path file, byte[] bytes) throws IOException {
        if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.write(file, bytes);
        } else if (Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.write(file, bytes);
        }
    }

    private static void put(Path file, String text) throws IOException {
        put(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes one random rules folder; returns whether it holds DRL. */
    private static boolean randomFolder(Random r, Path dir, int n) throws IOException {
        Files.createDirectories(dir);
        boolean drl = false;
        int entries = 1 + r.nextInt(3);
        for (int e = 0; e < entries; e++) {
            switch (r.nextInt(20)) {
                case 0, 1, 2, 12, 13, 14 -> {
                    put(dir.resolve("site" + e + ".drl"), randomDrl(r, n * 10 + e));
                    drl = true;
                }
                case 3, 4, 15, 16 -> put(dir.resolve("parameters.csv"),
                        (r.nextInt(4) == 0 ? "\uFEFF" : "") + randomParameters(r));
                case 5 -> put(dir.resolve(pick(r, List.of("parameters.CSV", "Routes.csv", "drugs.csv",
                        "knowledge-base.PROPERTIES", "x.DRL"))), "id,value\n");
                case 6 -> {
                    Path folder = dir.resolve(pick(r, List.of("dosing.drl", "old", "routes.csv")));
                    if (!Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        Files.createDirectories(folder);
                    }
                }
                case 7 -> {
                    Path link = dir.resolve(pick(r, List.of("medications.csv", "site.drl", "notes.txt")));
                    if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        Files.createSymbolicLink(link, dir.resolve("missing-" + n));
                    }
                }
                case 8 -> {
                    put(dir.resolve("bad" + e + ".drl"), new byte[] {'p', 'a', 'c', 'k', (byte) 0xC0,
                        (byte) 0xAF, (byte) 0xFF, '\n'});
                    drl = true;
                }
                case 9 -> put(dir.resolve("routes.csv"), "word,kind\n"
                        + pick(r, List.of("salve,skin", "two words,skin", "x,teleport", ",skin", "topical,skin,extra")) + "\n");
                case 10, 17 -> put(dir.resolve("README.md"), "notes\n");
                default -> put(dir.resolve("medications.csv"),
                        "valueSet,system,code,match,routes,verified,name\n"
                                + mostlyFirst(r, List.of("JAK_INHIBITOR,rxnorm,999,exact,any,true,sitejak",
                                "NO_SUCH_SET,rxnorm,1,exact,any,true,x", "JAK_INHIBITOR,nosystem,1,exact,any,true,x",
                                "JAK_INHIBITOR,rxnorm,1,fuzzy,any,true,x")) + "\n");
            }
        }
        return drl;
    }

    @Test
    void randomRulesFoldersBuildOrFailWithFilesAndNeverFailAChecksSilently() throws IOException {
        Random r = new Random(SEED);
        int built = 0;
        for (int n = 0; n < FOLDERS; n++) {
            Path dir = work.resolve("folder-" + n);
            boolean drl = randomFolder(r, dir, n);
            tried(drl ? "rules folder with DRL" : "rules folder with data only");
            DroolsCheckEngine engine;
            try {
                engine = DroolsCheckEngine.builder().rulesFolder(dir).timeBudget(SLOWEST_CHECK).build();
            } catch (RuleCompilationException e) {
                assertThat(e.messages()).as("folder %d", n).isNotEmpty().allSatisfy(m -> {
                    assertThat(m.resource()).isNotBlank();
                    assertThat(m.toString()).doesNotContain("\tat ").hasSizeLessThan(2000);
                });
                tried("rules folder refused");
                continue;
            } catch (Throwable t) {
                fail("folder %d: building escaped with %s: %s", n, t, listing(dir));
                return;
            }
            built++;
            tried("rules folder built");
            for (CheckRequest probe : probes) {
                long start = System.nanoTime();
                try {
                    Assessment a = engine.check(probe);
                    assertThat(a.findings()).allSatisfy(f -> assertThat(f.summary()).doesNotContain("\n", "\u001b"));
                    Assessment expected = builtIn.check(probe);
                    if (!drl && expected.decision() == Decision.STOP && a.decision() == Decision.PROCEED) {
                        // a data-only folder may loosen a limit, but then says so
                        assertThat(engine.knowledgeBaseWarnings()).as("folder %d turned STOP into PROCEED silently: %s",
                                n, listing(dir)).anyMatch(w -> w.text().contains("loosens a label limit")
                                        || w.resource().endsWith("routes.csv") || w.resource().endsWith("medications.csv"));
                    }
                    tried("check with a site folder: assessed");
                } catch (CheckFailedException e) {
                    tried("check with a site folder: failed closed");
                } catch (Throwable t) {
                    fail("folder %d: a check escaped with %s: %s", n, t, listing(dir));
                }
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("folder %d", n)
                        .isLessThan(SLOWEST_CHECK.plusSeconds(2));
            }
        }
        assertThat(built).as("some folders must build").isPositive();
        assertThat(TRIED.getOrDefault("rules folder refused", 0)).isPositive();
    }

    private static String listing(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            StringBuilder out = new StringBuilder();
            for (Path p : files.sorted(Comparator.naturalOrder()).toList()) {
                out.append("\n--- ").append(p.getFileName());
                if (Files.isRegularFile(p)) {
                    String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
                    out.append('\n').append(text.length() > 600 ? text.substring(0, 600) + "…" : text);
                }
            }
            return out.toString();
        } catch (IOException e) {
            return "(cannot list " + dir + ")";
        }
    }

    // --- the Java API path

    private static final List<String> DECIMALS = List.of("12", "1E+999999999", "-1E+999999999", "1E-999999999", "0", "-0",
            "999999999.99", "1000000000", "20", "20.0000000000000000000000000001", "1e-31", "100", "100.0000001", "60",
            "0.000001");
    private static final List<Integer> INTS = List.of(7, Integer.MIN_VALUE, -1, 0, 1, 2, 7, 130, 131, 999_999_999,
            1_000_000_000, Integer.MAX_VALUE);
    private static final List<LocalDate> DATES = List.of(LocalDate.of(1980, 5, 1), LocalDate.MIN, LocalDate.MAX, LocalDate.of(0, 1, 1),
            LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31), LocalDate.of(10000, 1, 1), LocalDate.of(1896, 11, 22),
            LocalDate.of(1895, 11, 22), LocalDate.of(2026, 11, 22), LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 15));
    private static final List<String> TEXTS = List.of("topical", "", " ", "topical, oral", "tofacitinib",
            "ZZMED Jane Doe\n", "\u001b[2J\u202e", "\ud800", "x".repeat(65_536), "x".repeat(65_537), "L20.9", "💊",
            "http://www.nlm.nih.gov/research/umls/rxnorm");

    /** Null now and then, an extreme value now and then, else the first (ordinary) value. */
    private static <T> T maybe(Random r, List<T> values) {
        int roll = r.nextInt(10);
        return roll == 0 ? null : roll <= 2 ? pick(r, values) : values.get(0);
    }

    private static CheckRequest randomApiRequest(Random r) {
        Patient patient = new Patient(maybe(r, DATES), r.nextBoolean() ? 40 : maybe(r, INTS), null, null,
                r.nextInt(5) == 0, null, null, randomList(r, () -> new Coding(r.nextInt(8) == 0 ? maybe(r, TEXTS)
                : "http://hl7.org/fhir/sid/icd-10-cm", r.nextInt(8) == 0 ? maybe(r, TEXTS) : "I10", maybe(r, TEXTS))));
        Order order = new Order(r.nextInt(10) == 0 ? null : new Coding("http://hl7.org/fhir/sid/icd-10-cm",
                pick(r, List.of("L20.9", "L80", "L63.9")), maybe(r, TEXTS)), null, null, decimal(r), decimal(r),
                maybe(r, INTS), maybe(r, INTS), maybe(r, TEXTS), null, maybe(r, DATES), null,
                r.nextInt(5) == 0 ? pick(r, TEXTS) : null);
        List<Medication> meds = randomList(r, () -> new Medication(r.nextInt(8) == 0 ? maybe(r, TEXTS) : null,
                r.nextInt(8) == 0 ? maybe(r, TEXTS) : null, pick(r, TEXTS), maybe(r, TEXTS),
                r.nextBoolean() ? MedicationStatus.ACTIVE : null));
        List<Dispense> dispenses = randomList(r, () -> new Dispense(maybe(r, DATES), decimal(r), maybe(r, INTS)));
        return new CheckRequest(r.nextBoolean() ? LocalDate.of(2026, 11, 22) : maybe(r, DATES), patient, order, meds,
                dispenses);
    }

    private static BigDecimal decimal(Random r) {
        String d = maybe(r, DECIMALS);
        return d == null ? null : new BigDecimal(d);
    }

    private static <T> List<T> randomList(Random r, Supplier<T> element) {
        int size = switch (r.nextInt(40)) {
            case 0 -> 1001;
            case 1 -> 1000;
            case 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 -> 0;
            default -> 1 + r.nextInt(4);
        };
        List<T> out = new ArrayList<>(size);
        T one = element.get();
        for (int i = 0; i < size; i++) {
            out.add(size > 50 ? one : element.get());
        }
        return out;
    }

    /** A value the documented bounds refuse, whatever else the request holds. */
    private static boolean outOfBounds(CheckRequest q) {
        BigDecimal max = RequestValidation.MAX_MAGNITUDE;
        List<BigDecimal> numbers = new ArrayList<>();
        if (q.order() != null) {
            numbers.add(q.order().quantityGrams());
            numbers.add(q.order().bsaPercent());
        }
        q.dispenses().forEach(d -> numbers.add(d.quantityGrams()));
        boolean bigNumber = numbers.stream().anyMatch(n -> n != null && (n.abs().compareTo(max) >= 0 || n.scale() > 30));
        boolean bigList = q.medications().size() > 1000 || q.dispenses().size() > 1000
                || q.patient() != null && q.patient().conditions().size() > 1000;
        boolean oldAge = q.patient() != null && q.patient().ageYears() != null && q.patient().ageYears() > 130;
        return bigNumber || bigList || oldAge;
    }

    @Test
    void randomApiRequestsAreAssessedOrRejectedAndOutOfBoundsValuesAreAlwaysRejected() {
        Random r = new Random(SEED);
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        for (int i = 0; i < API_REQUESTS; i++) {
            CheckRequest q = randomApiRequest(r);
            boolean mustReject = outOfBounds(q);
            long start = System.nanoTime();
            String outcome;
            try {
                Assessment a = builtIn.check(q);
                assertThat(mustReject).as("request %d with an out-of-bounds value was assessed: %s", i, a).isFalse();
                assertThat(a.findings()).allSatisfy(f -> assertThat(f.summary() + f.detail())
                        .doesNotContain("\u001b", "\n"));
                outcome = "assessed";
            } catch (InvalidRequestException e) {
                assertThat(e.violations()).isNotEmpty().allSatisfy(v -> assertThat(v.message()).hasSizeLessThan(400)
                        .doesNotContain("\u001b"));
                outcome = "rejected";
            } catch (Throwable t) {
                fail("API request %d escaped with %s", i, t);
                return;
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("request %d", i).isLessThan(SLOWEST_CHECK);
            outcomes.merge(outcome, 1, Integer::sum);
            tried("API request " + (mustReject ? "out of bounds" : "within bounds") + ": " + outcome);
        }
        assertThat(outcomes).containsKeys("assessed", "rejected");
    }

    /** The bounds' defaults must leave room for the largest request validation lets through. */
    @Test
    void theLargestValidRequestIsAssessedFarWithinTheDefaultFiringLimit() {
        java.util.concurrent.atomic.AtomicInteger firings = new java.util.concurrent.atomic.AtomicInteger();
        DroolsCheckEngine counting = DroolsCheckEngine.builder().onRuleFired(id -> firings.incrementAndGet()).build();
        int max = RequestValidation.Limits.DEFAULT_MAX_LIST_SIZE;
        Assessment a = counting.check(Requests.scaled(max, max, max));
        assertThat(a.findings()).isNotEmpty();
        System.out.println("FailClosedFuzzTest: the largest valid request fired " + firings.get() + " rules");
        assertThat(firings.get()).isLessThan(DroolsCheckEngine.DEFAULT_MAX_RULE_FIRINGS / 10);
        tried("largest valid API request");
    }

    private static <T> T pick(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }
}
