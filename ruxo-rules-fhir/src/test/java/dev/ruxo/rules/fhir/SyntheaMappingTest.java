package dev.ruxo.rules.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.InvalidRequestException;
import dev.ruxo.rules.MedicationStatus;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Every patient of a Synthea population through the mapper, with an order for the cream added as a draft. Not in the
 * default run (a few hundred bundles, over a gigabyte of JSON): {@code -Druxo.synthea.dir=/path/to/output/fhir}.
 * Checks that nothing throws, that every active condition and every active medication reaches the request, and
 * prints the time per bundle and the resources mapped.
 */
@EnabledIfSystemProperty(named = "ruxo.synthea.dir", matches = ".+")
class SyntheaMappingTest {

    private static final Set<String> ACTIVE = Set.of("active", "recurrence", "relapse");
    private static final Set<String> SCREENED_REQUEST = Set.of("active", "on-hold", "draft", "unknown");

    @Test
    void everyPatientMapsWithEveryActiveConditionAndMedication() throws IOException {
        Path dir = Path.of(System.getProperty("ruxo.synthea.dir"));
        LocalDate asOf = LocalDate.parse(System.getProperty("ruxo.synthea.asOf", "2026-12-01"));
        FhirCheckMapper mapper = FhirCheckMapper.builder().asOf(asOf).build();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).isNotEmpty();

        List<Long> parseMicros = new ArrayList<>();
        List<Long> mapMicros = new ArrayList<>();
        List<Long> checkMicros = new ArrayList<>();
        List<Integer> read = new ArrayList<>();
        List<Integer> used = new ArrayList<>();
        List<Integer> conditions = new ArrayList<>();
        List<Integer> medications = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int patients = 0;
        for (Path file : files) {
            long t0 = System.nanoTime();
            Bundle record;
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                record = (Bundle) Fhir.parser().parseResource(in);
            }
            long t1 = System.nanoTime();
            if (record.getEntry().stream().noneMatch(e -> e.getResource() instanceof org.hl7.fhir.r4.model.Patient)) {
                continue; // hospital or practitioner file
            }
            patients++;
            MedicationRequest cream = Drafts.cream("synthea-draft");
            Bundle drafts = Drafts.bundle(cream);
            FhirMapping m;
            long t2 = System.nanoTime();
            try {
                m = mapper.map(drafts, List.of(record));
            } catch (InvalidRequestException e) {
                failures.add(file.getFileName() + ": " + e.violations());
                continue;
            }
            long t3 = System.nanoTime();
            if (m.status() != FhirMapping.Status.CHECKABLE) {
                failures.add(file.getFileName() + ": " + m.status() + " " + m.missing());
                continue;
            }
            Assessment a = Fixtures.engine().check(m.request());
            long t4 = System.nanoTime();
            assertThat(a).isNotNull();
            parseMicros.add((t1 - t0) / 1000);
            mapMicros.add((t3 - t2) / 1000);
            checkMicros.add((t4 - t3) / 1000);
            read.add(m.resourcesRead());
            used.add(m.resourcesUsed());
            conditions.add(m.request().patient().conditions().size());
            medications.add(m.request().medications().size());
            String missed = missed(record, m.request());
            if (missed != null) {
                failures.add(file.getFileName() + ": " + missed);
            }
        }
        StringBuilder report = new StringBuilder()
                .append("Synthea run: ").append(patients).append(" patients from ").append(dir).append('\n')
                .append("  HAPI parse per bundle (us): ").append(stats(parseMicros)).append('\n')
                .append("  mapping per bundle (us):    ").append(stats(mapMicros)).append('\n')
                .append("  check per request (us):     ").append(stats(checkMicros)).append('\n')
                .append("  resources read per bundle:  ").append(stats(read.stream().map(Integer::longValue).toList()))
                .append('\n')
                .append("  resources used per bundle:  ").append(stats(used.stream().map(Integer::longValue).toList()))
                .append('\n')
                .append("  condition codings mapped:   ")
                .append(stats(conditions.stream().map(Integer::longValue).toList())).append('\n')
                .append("  medications mapped:         ")
                .append(stats(medications.stream().map(Integer::longValue).toList())).append('\n')
                .append("  failures: ").append(failures.size()).append('\n');
        failures.stream().limit(20).forEach(f -> report.append("    ").append(f).append('\n'));
        System.out.print(report);
        Files.writeString(Path.of("target/synthea-report.txt"), report);
        assertThat(failures).isEmpty();
        assertThat(patients).isGreaterThan(0);
    }

    /** An active condition coding or an active medication of the bundle that is not in the request, or null. */
    private static String missed(Bundle record, CheckRequest request) {
        Set<String> codings = new HashSet<>();
        request.patient().conditions().forEach(c -> codings.add(c.system() + "|" + c.code()));
        Set<String> meds = new HashSet<>();
        request.medications().stream()
                .filter(x -> x.status() == MedicationStatus.ACTIVE || x.status() == MedicationStatus.ON_HOLD)
                .forEach(x -> meds.add(x.system() + "|" + x.code() + "|" + x.display()));
        for (Bundle.BundleEntryComponent e : record.getEntry()) {
            Resource r = e.getResource();
            if (r instanceof Condition c && isActive(c)) {
                for (Coding coding : c.getCode().getCoding()) {
                    if (!codings.contains(coding.getSystem() + "|" + coding.getCode())) {
                        return "active condition " + coding.getCode() + " of " + r.getIdElement().getIdPart()
                                + " not in the request";
                    }
                }
            }
            if (r instanceof MedicationRequest mr && SCREENED_REQUEST.contains(mr.getStatus().toCode())) {
                CodeableConcept code = medication(record, mr);
                Coding rx = code == null ? null : code.getCoding().stream()
                        .filter(x -> "http://www.nlm.nih.gov/research/umls/rxnorm".equals(x.getSystem()))
                        .findFirst().orElse(null);
                boolean found = rx != null && meds.stream().anyMatch(k -> k.startsWith(rx.getSystem() + "|"
                        + rx.getCode() + "|"));
                if (!found) {
                    return "active medication request " + mr.getIdElement().getIdPart() + " not in the request";
                }
            }
        }
        return null;
    }

    private static boolean isActive(Condition c) {
        boolean excluded = c.getVerificationStatus().getCoding().stream()
                .anyMatch(x -> Arrays.asList("refuted", "entered-in-error").contains(x.getCode()));
        boolean active = c.getClinicalStatus().getCoding().isEmpty()
                || c.getClinicalStatus().getCoding().stream().anyMatch(x -> ACTIVE.contains(x.getCode()));
        return active && !excluded;
    }

    private static CodeableConcept medication(Bundle record, MedicationRequest mr) {
        if (mr.getMedication() instanceof CodeableConcept cc) {
            return cc;
        }
        String ref = ((Reference) mr.getMedication()).getReference();
        for (Bundle.BundleEntryComponent e : record.getEntry()) {
            if (ref.equals(e.getFullUrl()) && e.getResource() instanceof org.hl7.fhir.r4.model.Medication m) {
                return m.getCode();
            }
        }
        return null;
    }

    private static String stats(List<Long> values) {
        if (values.isEmpty()) {
            return "none";
        }
        long[] v = values.stream().mapToLong(Long::longValue).sorted().toArray();
        long sum = Arrays.stream(v).sum();
        return "median " + v[v.length / 2] + ", p90 " + v[(int) (v.length * 0.9)] + ", max " + v[v.length - 1]
                + ", mean " + sum / v.length + ", total " + sum;
    }
}
