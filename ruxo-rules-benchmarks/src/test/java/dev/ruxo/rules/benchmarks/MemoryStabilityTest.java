package dev.ruxo.rules.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.QuickTheory.qt;

import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.drools.DroolsCheckEngine;
import dev.ruxo.rules.drools.ReloadingCheckEngine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No memory growth across 100,000 checks on one engine: the heap that survives a full collection after the last
 * check is within a small margin of the heap after the warm-up. A leak of even 100 bytes a check (a session, a
 * finding or a fact kept by the knowledge base) would add about 9 MB and fail it. Reloading the rules does not grow
 * the heap or the metaspace either.
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

    /**
     * A service that reloads its rules folder for months must not keep the old knowledge bases: neither their objects
     * (heap) nor the classes compiled for them (metaspace). Reloads of a folder with a DRL file compile the DRL each
     * time; reloads of a folder with data only use the precompiled rules.
     */
    @Test
    void heapAndMetaspaceDoNotGrowAcrossReloads(@TempDir Path folder) throws IOException {
        Path withRule = Files.createDirectory(folder.resolve("with-rule"));
        Files.writeString(withRule.resolve("site.drl"), """
                package site.rules;

                import dev.ruxo.rules.drools.facts.OrderFact;
                import dev.ruxo.rules.drools.facts.Param;

                global dev.ruxo.rules.drools.facts.Findings findings;

                rule "Large single fill"
                    @ruleId("RUXO-SITE-LARGE-FILL")
                    @category("DOSING")
                    @severity("WARNING")
                    @section("policy")
                    @revision("2025-09")
                    @title("A single fill above the site's review quantity")
                when
                    $max : Param(id == "SITE_MAX_FILL_GRAMS", $grams : value)
                    $o : OrderFact(quantityGrams != null, quantityGrams > $grams)
                then
                    findings.add(kcontext, "Fill above " + $max.text() + " g", "Site policy.", $max);
                end
                """);
        Files.writeString(withRule.resolve("parameters.csv"), """
                id,value,unit,section,revision,verified,description
                SITE_MAX_FILL_GRAMS,100,grams,policy,2025-09,true,site review quantity
                """);
        Path dataOnly = Files.createDirectory(folder.resolve("data-only"));
        Files.writeString(dataOnly.resolve("parameters.csv"), """
                id,value,unit,section,revision,verified,description
                AD_MAX_BSA_PERCENT,15,percent BSA,policy,2025-09,true,site limit
                """);

        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            assertReloadsKeepNothing(withRule, 8, 24);
            assertReloadsKeepNothing(dataOnly, 20, 200);
        });
    }

    private static void assertReloadsKeepNothing(Path folder, int warmUp, int reloads) {
        ReloadingCheckEngine engine = DroolsCheckEngine.builder().rulesFolder(folder).buildReloading();
        for (int i = 0; i < warmUp; i++) {
            assertThat(engine.reload().reloaded()).isTrue();
            engine.check(Requests.typical());
        }
        long heap = retainedHeap();
        long classes = metaspace();
        for (int i = 0; i < reloads; i++) {
            assertThat(engine.reload().reloaded()).isTrue();
            engine.check(Requests.typical());
        }
        long heapGrowth = retainedHeap() - heap;
        long classGrowth = metaspace() - classes;
        assertThat(heapGrowth).as("heap growth over %d reloads of %s", reloads, folder.getFileName())
                .isLessThan(ALLOWED_GROWTH);
        assertThat(classGrowth).as("metaspace growth over %d reloads of %s", reloads, folder.getFileName())
                .isLessThan(ALLOWED_GROWTH);
    }

    private static long metaspace() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getName().equals("Metaspace"))
                .mapToLong(p -> p.getUsage().getUsed()).findFirst().orElseThrow();
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
