package dev.ruxo.rules.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.InvalidRequestException;
import dev.ruxo.rules.RequestValidation;
import dev.ruxo.rules.UnknownField;
import dev.ruxo.rules.Violation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 13 at the JSON reader: unknown fields are never silent, encodings and limits are strict and well reported. */
class FailClosedReadingTest {

    private static final WireFormat WIRE = WireFormat.create(
            Clock.fixed(LocalDate.of(2026, 11, 22).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

    private static String doc(String patientExtra, String orderExtra, String rest) {
        return """
                {"asOf":"2026-11-22","patient":{"ageYears":30%s},
                 "order":{"indication":{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"L20.9"%s}}%s}
                """.formatted(patientExtra, orderExtra, rest);
    }

    private static InvalidRequestException rejected(Runnable read) {
        return catchThrowableOfType(InvalidRequestException.class, read::run);
    }

    // --- item 3

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        ",\"medication\":[{\"display\":\"tofacitinib\"}]        | medication                | medications",
        ",\"Medications\":[]                                    | Medications               | medications",
        ",\"dispense\":[]                                        | dispense                  | dispenses",
        ",\"conditions\":[]                                      | conditions                | patient.conditions",
        ",\"asof\":\"2026-11-22\"                               | asof                      | asOf",
        ",\"medications\":[{\"display\":\"x\",\"rout\":\"oral\"}] | medications[0].rout    | medications[0].route",
        ",\"xyzzy\":1                                            | xyzzy                     | "})
    void anUnknownTopLevelOrNestedFieldIsKeptWithWhatItProbablyMeans(String rest, String path, String probably) {
        CheckRequest r = WIRE.readRequest(doc("", "", rest));
        assertThat(r.unknownFields()).containsExactly(new UnknownField(path, probably));
    }

    @Test
    void misspeltPatientAndOrderFieldsAreKeptToo() {
        CheckRequest r = WIRE.readRequest(doc(",\"breastFeeding\":true", ",\"dsplay\":\"AD\"", ""));
        assertThat(r.unknownFields()).containsExactly(
                new UnknownField("patient.breastFeeding", "patient.breastfeeding"),
                new UnknownField("order.indication.dsplay", "order.indication.display"));
        assertThat(r.patient().breastfeeding()).as("unknown, not false").isNull();
    }

    @Test
    void aDocumentWithOnlyKnownFieldsHasNone() {
        assertThat(WIRE.readRequest(doc("", "", ",\"medications\":[{\"display\":\"x\"}]")).unknownFields()).isEmpty();
    }

    @Test
    void strictModeRejectsEachUnknownFieldWithItsPathAndSuggestion() {
        InvalidRequestException e = rejected(() -> WIRE.strict().readRequest(
                doc(",\"breastFeeding\":true", "", ",\"medication\":[]")));
        assertThat(e.violations()).contains(
                new Violation("patient.breastFeeding",
                        "is not a field of the wire format; did you mean patient.breastfeeding?"),
                new Violation("medication", "is not a field of the wire format; did you mean medications?"));
    }

    @Test
    void unknownFieldNamesAreCutAndCleaned() {
        String name = "x\\u001b[2J" + "y".repeat(500);
        CheckRequest r = WIRE.readRequest(doc("", "", ",\"" + name + "\":1"));
        assertThat(r.unknownFields()).singleElement().satisfies(f -> {
            assertThat(f.path()).hasSizeLessThanOrEqualTo(60).doesNotContain("\u001b");
            assertThat(f.probably()).isNull();
        });
    }

    @Test
    void tooManyUnknownFieldsAreAViolation() {
        StringBuilder rest = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            rest.append(",\"f").append(i).append("\":1");
        }
        assertThat(rejected(() -> WIRE.readRequest(doc("", "", rest.toString()))).violations())
                .extracting(Violation::field).containsExactly("$");
    }

    // --- items 2, 12 on the JSON path

    @Test
    void aPlaceholderBirthDateIsRejected() {
        String json = doc("", "", "").replace("\"ageYears\":30", "\"birthDate\":\"0001-01-01\"");
        assertThat(rejected(() -> WIRE.readRequest(json)).violations()).extracting(Violation::field)
                .containsExactly("patient.birthDate");
        String limit = doc("", "", "").replace("\"ageYears\":30", "\"birthDate\":\"1896-11-22\"");
        assertThat(WIRE.readRequest(limit).patient().birthDate()).isEqualTo(LocalDate.of(1896, 11, 22));
        String over = doc("", "", "").replace("\"ageYears\":30", "\"birthDate\":\"1895-11-22\"");
        assertThat(rejected(() -> WIRE.readRequest(over)).violations()).extracting(Violation::field)
                .containsExactly("patient.birthDate");
    }

    @Test
    void listLimitsApplyAndCanBeChanged() {
        String three = doc("", "", ",\"medications\":[{\"display\":\"a\"},{\"display\":\"b\"},{\"display\":\"c\"}]");
        WireFormat two = WIRE.withLimits(new RequestValidation.Limits(2, 10, 10, 10));
        assertThat(rejected(() -> two.readRequest(three)).violations()).singleElement()
                .satisfies(v -> assertThat(v.toString()).isEqualTo("medications: has 3 entries, more than the 2 allowed"));
        assertThat(WIRE.readRequest(three).medications()).hasSize(3);
    }

    // --- item 17: encodings, echoed values, limit messages

    @Test
    void overlongUtf8IsRefused() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] text = doc("", ",\"display\":\"A#B\"", "").getBytes(StandardCharsets.UTF_8);
        for (byte b : text) {
            if (b == '#') {
                bytes.write(0xC0); // an overlong '/'
                bytes.write(0xAF);
            } else {
                bytes.write(b);
            }
        }
        InvalidRequestException e = rejected(() -> WIRE.readRequest(new ByteArrayInputStream(bytes.toByteArray())));
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("$");
            assertThat(v.message()).contains("not valid UTF-8");
        });
    }

    @Test
    void utf16IsStillDetected() {
        byte[] utf16 = doc("", "", "").getBytes(StandardCharsets.UTF_16BE);
        assertThat(WIRE.readRequest(new ByteArrayInputStream(utf16)).patient().ageYears()).isEqualTo(30);
    }

    @Test
    void aLongNdcIsQuotedShortAndClean() {
        String ndc = "\\u001b[2J".repeat(5000);
        InvalidRequestException e = rejected(() -> WIRE.readRequest(doc("", "", "")
                .replace("\"code\":\"L20.9\"}", "\"code\":\"L20.9\"},\"ndc\":\"" + ndc + "\"")));
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("order.ndc");
            assertThat(v.message()).hasSizeLessThan(200).doesNotContain("\u001b");
        });
    }

    @Test
    void sizeLimitMessagesNameTheLimitNotAPartialCount() {
        String big = doc("", ",\"display\":\"" + "x".repeat(10_000_000) + "\"", "");
        InvalidRequestException e = rejected(() -> WIRE.readRequest(new ByteArrayInputStream(
                big.getBytes(StandardCharsets.UTF_8))));
        assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.message())
                .contains("longer than the 1048576 bytes allowed").doesNotContainPattern("\\(\\d+\\)"));
        String string = doc("", ",\"display\":\"" + "x".repeat(70_000) + "\"", "");
        assertThat(rejected(() -> WIRE.readRequest(string)).violations()).singleElement().satisfies(v -> assertThat(
                v.message()).contains("exceeds the 65536 characters allowed").doesNotContain("70000"));
    }
}
