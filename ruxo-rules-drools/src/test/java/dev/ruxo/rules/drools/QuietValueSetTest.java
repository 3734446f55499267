package dev.ruxo.rules.drools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.Category;
import dev.ruxo.rules.CodeSystems;
import dev.ruxo.rules.Medication;
import dev.ruxo.rules.MedicationStatus;
import dev.ruxo.rules.drools.internal.KnowledgeBaseFiles;
import dev.ruxo.rules.testkit.CheckRequests;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * NON_INTERACTING, the quiet set of drugs known not to interact, makes a medication recognised without any finding. A
 * dangerous drug that landed in it by mistake would be the worst kind of bug: screened, found nothing, said nothing.
 * These tests hold the set apart from every interacting value set, by name, by code and by drug-class naming stem.
 */
class QuietValueSetTest {

    private static final String QUIET = "NON_INTERACTING";
    /** Value sets that only recognise: neither is a drug class with a finding. */
    private static final Set<String> RECOGNITION_ONLY = Set.of(QUIET, "THIS_PRODUCT");
    /** Stems of the interacting classes: antibodies, fusion proteins, kinase inhibitors, azoles, protease inhibitors, mTOR and calcineurin inhibitors. */
    private static final Pattern DANGEROUS_STEM = Pattern.compile(
            ".*(mab|cept|tinib|citinib|conazole|navir|previr|limus|sporine|cobicistat|mycophenol|thioprine)$");
    /** Corticosteroid stems; only the inhaled and nasal corticosteroids below may be quiet. */
    private static final Pattern STEROID_STEM = Pattern.compile(".*(sone|solone|olone|cort|onide|methasone)$");
    private static final Set<String> INHALED_STEROIDS = Set.of("fluticasone", "mometasone", "budesonide",
            "beclomethasone", "ciclesonide");
    /** Calcineurin inhibitors that exist only as creams: the stem, not the drug, is dangerous. */
    private static final Set<String> TOPICAL_ONLY = Set.of("pimecrolimus");
    /** ATC groups no quiet row may fall in: antineoplastics, immunosuppressants, systemic corticosteroids, topical JAK
     * inhibitors and dupilumab's group, antimycotics, HIV and HCV antivirals, macrolides, cobicistat, diltiazem and
     * verapamil, class III antiarrhythmics, and the asthma biologics. */
    private static final List<String> FORBIDDEN_ATC = List.of("L01", "L04", "H02", "D11AH", "J02", "J05AE", "J05AR",
            "J05AP", "J01FA", "V03AX", "C08D", "C01BD", "R03DX", "A02BA");

    private record Row(String valueSet, String system, String code, boolean prefix, String name) {
    }

    private static List<Row> rows() {
        String csv = KnowledgeBaseFiles.builtIn().files().get("medications.csv");
        List<Row> rows = new ArrayList<>();
        for (String line : csv.split("\n")) {
            String[] f = line.split(",", -1);
            if (line.isBlank() || f[0].equals("valueSet")) {
                continue;
            }
            rows.add(new Row(f[0], f[1], f[2].toUpperCase(Locale.ROOT), f[3].equals("prefix"), f[6]));
        }
        return rows;
    }

    private static List<Row> quiet() {
        return rows().stream().filter(r -> r.valueSet().equals(QUIET)).toList();
    }

    private static List<Row> dangerous() {
        return rows().stream().filter(r -> !RECOGNITION_ONLY.contains(r.valueSet())).toList();
    }

    @Test
    void theQuietSetIsLargeAndCoversEveryCodeSystem() {
        assertThat(quiet()).extracting(Row::system).contains("name", "rxnorm", "atc");
        assertThat(quiet()).filteredOn(r -> r.system().equals("name")).hasSizeGreaterThan(250);
    }

    @Test
    void noQuietNameIsTheNameOfAnInteractingDrugOrCarriesADangerousStem() {
        Set<String> dangerousNames = new java.util.HashSet<>();
        dangerous().stream().filter(r -> r.system().equals("name")).forEach(r -> {
            dangerousNames.add(r.code().toLowerCase(Locale.ROOT));
            dangerousNames.add(r.name().toLowerCase(Locale.ROOT));
        });
        for (Row q : quiet()) {
            if (!q.system().equals("name")) {
                continue;
            }
            for (String word : q.code().toLowerCase(Locale.ROOT).split(" ")) {
                assertThat(dangerousNames).as("quiet name %s is an interacting drug", q.code()).doesNotContain(word);
                if (!TOPICAL_ONLY.contains(word)) {
                    assertThat(word).as("quiet name %s has the stem of an interacting class", q.code())
                            .doesNotMatch(DANGEROUS_STEM);
                }
                if (STEROID_STEM.matcher(word).matches()) {
                    List<String> generics = List.of((word + "-" + q.name()).split("-"));
                    assertThat(generics).as("quiet corticosteroid %s (%s)", word, q.name())
                            .anyMatch(INHALED_STEROIDS::contains);
                }
            }
        }
    }

    @Test
    void noQuietCodeIsOrContainsTheCodeOfAnInteractingDrug() {
        for (Row q : quiet()) {
            if (q.system().equals("name")) {
                continue;
            }
            for (Row d : dangerous()) {
                if (!d.system().equals(q.system())) {
                    continue;
                }
                boolean overlap = q.code().equals(d.code())
                        || (q.prefix() && d.code().startsWith(q.code()))
                        || (d.prefix() && q.code().startsWith(d.code()));
                assertThat(overlap).as("quiet %s %s overlaps %s %s (%s)", q.system(), q.code(), d.valueSet(),
                        d.code(), d.name()).isFalse();
            }
            if (q.system().equals("atc")) {
                for (String forbidden : FORBIDDEN_ATC) {
                    assertThat(q.code().startsWith(forbidden) || forbidden.startsWith(q.code()))
                            .as("quiet ATC %s and the interacting group %s", q.code(), forbidden).isFalse();
                }
            }
        }
    }

    @Test
    void everyInteractingDrugStillGivesItsFindingNextToAQuietOne() {
        for (Row d : dangerous()) {
            if (!d.system().equals("name")) {
                continue;
            }
            Assessment a = TestEngine.check(CheckRequests.adultAtopicDermatitis()
                    .medication(d.code() + " 10 MG Oral Tablet / lisinopril 10 MG", null));
            assertThat(a.findings()).as("%s (%s) next to lisinopril", d.code(), d.valueSet())
                    .anyMatch(f -> f.category() == Category.INTERACTION || f.category() == Category.INDICATION);
        }
    }

    @Test
    void everyQuietDrugAloneGivesNoFindingAtAll() {
        for (Row q : quiet()) {
            Medication m = switch (q.system()) {
                case "name" -> Medication.named(q.code().toLowerCase(Locale.ROOT) + " 10 MG Oral Tablet", null);
                case "rxnorm" -> new Medication(CodeSystems.RXNORM, q.code(), null, "oral", MedicationStatus.ACTIVE);
                default -> new Medication(CodeSystems.ATC, q.prefix() ? q.code() + "01" : q.code(), null, "oral",
                        MedicationStatus.ACTIVE);
            };
            assertThat(TestEngine.check(CheckRequests.adultAtopicDermatitis().medication(m)).findings())
                    .as("%s %s", q.system(), q.code()).isEmpty();
        }
    }
}
