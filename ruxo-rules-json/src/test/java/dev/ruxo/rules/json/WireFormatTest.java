package dev.ruxo.rules.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.Category;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.CodeSystems;
import dev.ruxo.rules.Coding;
import dev.ruxo.rules.DiseaseSeverity;
import dev.ruxo.rules.Dispense;
import dev.ruxo.rules.Finding;
import dev.ruxo.rules.InvalidRequestException;
import dev.ruxo.rules.KnowledgeBaseInfo;
import dev.ruxo.rules.Medication;
import dev.ruxo.rules.MedicationStatus;
import dev.ruxo.rules.Order;
import dev.ruxo.rules.Patient;
import dev.ruxo.rules.PriorTopicalTherapy;
import dev.ruxo.rules.RuxoRules;
import dev.ruxo.rules.Severity;
import dev.ruxo.rules.Sex;
import dev.ruxo.rules.SmokingStatus;
import dev.ruxo.rules.Source;
import dev.ruxo.rules.Violation;
import dev.ruxo.rules.VitiligoType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WireFormatTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final WireFormat WIRE = WireFormat.create(
            Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

    /** A valid request to which {@code extra} is added inside {@code order}. */
    private static String validWithOrderField(String extra) {
        return """
                {"asOf":"2026-11-22",
                 "patient":{"ageYears":30},
                 "order":{"indication":{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"L20.9"}%s}}
                """.formatted(extra.isEmpty() ? "" : "," + extra);
    }

    private static String contractExample() {
        try (InputStream in = WireFormatTest.class.getResourceAsStream("contract-example-request.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Violation> violationsOf(String json) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, () -> WIRE.readRequest(json));
        assertThat(e).as("expected an invalid request for %s", json).isNotNull();
        return e.violations();
    }

    private static List<Violation> violationsOf(byte[] json) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                () -> WIRE.readRequest(new ByteArrayInputStream(json)));
        assertThat(e).isNotNull();
        return e.violations();
    }

    @Nested
    class Reading {

        @Test
        void contractExampleFillsEveryField() {
            CheckRequest request = WIRE.readRequest(contractExample());

            assertThat(request.asOf()).isEqualTo(TODAY);
            Patient p = request.patient();
            assertThat(p.birthDate()).isEqualTo(LocalDate.of(2012, 5, 1));
            assertThat(p.ageYears()).isEqualTo(14);
            assertThat(p.sex()).isEqualTo(Sex.FEMALE);
            assertThat(p.pregnant()).isFalse();
            assertThat(p.breastfeeding()).isFalse();
            assertThat(p.immunocompromised()).isFalse();
            assertThat(p.smokingStatus()).isEqualTo(SmokingStatus.NEVER);
            assertThat(p.conditions()).containsExactly(Coding.icd10cm("L20.9", "Atopic dermatitis, unspecified"));

            Order o = request.order();
            assertThat(o.indication()).isEqualTo(Coding.icd10cm("L20.9", "Atopic dermatitis"));
            assertThat(o.severity()).isEqualTo(DiseaseSeverity.MODERATE);
            assertThat(o.vitiligoType()).isEqualTo(VitiligoType.NONSEGMENTAL);
            assertThat(o.bsaPercent()).isEqualTo(new BigDecimal("12.5"));
            assertThat(o.quantityGrams()).isEqualTo(new BigDecimal("60"));
            assertThat(o.daysSupply()).isEqualTo(7);
            assertThat(o.applicationsPerDay()).isEqualTo(2);
            assertThat(o.route()).isEqualTo("topical");
            assertThat(o.occlusiveDressing()).isFalse();
            assertThat(o.therapyStartDate()).isEqualTo(LocalDate.of(2026, 10, 1));
            assertThat(o.priorTopicalTherapy()).isEqualTo(PriorTopicalTherapy.INADEQUATE);
            assertThat(o.ndc()).isEqualTo("50881-007-05");

            assertThat(request.medications()).containsExactly(new Medication(CodeSystems.RXNORM, "1876366",
                    "dupilumab", "subcutaneous", MedicationStatus.ACTIVE));
            assertThat(request.dispenses()).containsExactly(Dispense.of(LocalDate.of(2026, 11, 15), 60, 7));
        }

        @Test
        void contractExampleSurvivesARoundTrip() {
            CheckRequest request = WIRE.readRequest(contractExample());

            String written = WIRE.writeRequest(request);

            assertThat(written).doesNotContain("\n");
            assertThat(WIRE.readRequest(written)).isEqualTo(request);
            assertThat(WIRE.toJson(request)).isEqualTo(WIRE.toJson(WIRE.readRequest(contractExample())));
        }

        @Test
        void writtenRequestUsesWireSpellingsAndLeavesOutNulls() {
            CheckRequest request = CheckRequest.builder()
                    .patient(Patient.builder().ageYears(40).smokingStatus(SmokingStatus.FORMER).build())
                    .order(Order.builder().indication(Coding.icd10cm("L20.9", null))
                            .priorTopicalTherapy(PriorTopicalTherapy.NOT_ADVISABLE).bsaPercent("12.50").build())
                    .addMedication(Medication.named("Dupixent", null).withStatus(MedicationStatus.ON_HOLD))
                    .build();

            assertThat(WIRE.writeRequest(request)).isEqualTo("{\"patient\":{\"ageYears\":40,\"smokingStatus\":\"former\"},"
                    + "\"order\":{\"indication\":{\"system\":\"http://hl7.org/fhir/sid/icd-10-cm\",\"code\":\"L20.9\"},"
                    + "\"bsaPercent\":12.50,\"priorTopicalTherapy\":\"not-advisable\"},"
                    + "\"medications\":[{\"display\":\"Dupixent\",\"status\":\"on-hold\"}]}");
            assertThat(WIRE.readRequest(WIRE.writeRequest(request))).isEqualTo(request);
        }

        @Test
        void minimalRequestNeedsOnlyAnAgeAndAnIndication() {
            CheckRequest request = WIRE.readRequest(validWithOrderField(""));

            assertThat(request.patient().ageYears()).isEqualTo(30);
            assertThat(request.order().bsaPercent()).isNull();
            assertThat(request.medications()).isEmpty();
            assertThat(request.dispenses()).isEmpty();
        }

        @Test
        void missingAsOfStaysNullForTheEngineToResolve() {
            CheckRequest request = WIRE.readRequest("""
                    {"patient":{"birthDate":"2000-01-01"},"order":{"indication":{"system":"s","code":"L80"}}}""");

            assertThat(request.asOf()).isNull();
        }

        @Test
        void withoutAsOfTheBirthDateIsCheckedAgainstToday() {
            List<Violation> violations = violationsOf("""
                    {"patient":{"birthDate":"2026-11-23"},"order":{"indication":{"system":"s","code":"L80"}}}""");

            assertThat(violations).extracting(Violation::field).containsExactly("patient.birthDate");
        }

        @Test
        void unknownFieldsAreIgnoredAtEveryLevel() {
            CheckRequest request = WIRE.readRequest("""
                    {"version":2,"extension":{"deep":[1,{"x":null}]},
                     "patient":{"ageYears":30,"mrn":"123","conditions":[{"system":"s","code":"L20.9","onset":"2020"}]},
                     "order":{"indication":{"system":"s","code":"L20.9","userSelected":true},"prescriber":"Dr A"},
                     "medications":[{"display":"cetirizine","dose":{"value":10}}],
                     "dispenses":[{"date":"2026-11-01","daysSupply":7,"pharmacy":"X"}]}""");

            assertThat(request.patient().conditions()).hasSize(1);
            assertThat(request.medications()).containsExactly(new Medication(null, null, "cetirizine", null, null));
            assertThat(request.dispenses()).containsExactly(new Dispense(LocalDate.of(2026, 11, 1), null, 7));
        }

        @Test
        void jsonNullMeansAbsent() {
            CheckRequest request = WIRE.readRequest("""
                    {"asOf":null,"patient":{"ageYears":30,"sex":null,"pregnant":null,"conditions":null},
                     "order":{"indication":{"system":"s","code":"L20.9","display":null},"bsaPercent":null},
                     "medications":null,"dispenses":null}""");

            assertThat(request.asOf()).isNull();
            assertThat(request.patient().sex()).isNull();
            assertThat(request.patient().pregnant()).isNull();
            assertThat(request.order().bsaPercent()).isNull();
            assertThat(request.medications()).isEmpty();
        }

        @Test
        void decimalsKeepEveryDigitAsWritten() {
            BigDecimal justAbove = WIRE.readRequest(validWithOrderField("\"bsaPercent\":20.0000000000000001"))
                    .order().bsaPercent();
            BigDecimal trailingZero = WIRE.readRequest(validWithOrderField("\"bsaPercent\":12.50"))
                    .order().bsaPercent();
            BigDecimal exponent = WIRE.readRequest(validWithOrderField("\"quantityGrams\":6E1"))
                    .order().quantityGrams();

            assertThat(justAbove).isEqualTo(new BigDecimal("20.0000000000000001"));
            assertThat(justAbove.compareTo(BigDecimal.valueOf(20))).isPositive();
            assertThat(trailingZero.toString()).isEqualTo("12.50");
            assertThat(exponent.compareTo(BigDecimal.valueOf(60))).isZero();
        }

        @Test
        void wholeNumberWrittenWithADecimalPointIsAWholeNumber() {
            assertThat(WIRE.readRequest(validWithOrderField("\"daysSupply\":7.0")).order().daysSupply()).isEqualTo(7);
        }

        @Test
        void readsUtf8FromAStreamWithoutClosingIt() {
            boolean[] closed = {false};
            byte[] bytes = validWithOrderField("\"route\":\"topical\",\"ndc\":\"50881-007-05\"")
                    .replace("\"L20.9\"", "\"L20.9\",\"display\":\"Ekzem – atopisch\"")
                    .getBytes(StandardCharsets.UTF_8);
            InputStream in = new ByteArrayInputStream(bytes) {
                @Override
                public void close() {
                    closed[0] = true;
                }
            };

            CheckRequest request = WIRE.readRequest(in);

            assertThat(request.order().indication().display()).isEqualTo("Ekzem – atopisch");
            assertThat(closed[0]).isFalse();
        }
    }

    @Nested
    class Violations {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                "bsaPercent":"12.5"                          | order.bsaPercent           | must be a number, was the string "12.5"
                "bsaPercent":-5                              | order.bsaPercent           | must be greater than 0 and at most 100, was -5
                "bsaPercent":0                               | order.bsaPercent           | must be greater than 0
                "bsaPercent":100.0001                        | order.bsaPercent           | at most 100
                "bsaPercent":1e999999999                     | order.bsaPercent           | must be a number below 1000000000
                "bsaPercent":true                            | order.bsaPercent           | must be a number, was true
                "quantityGrams":1e-400                       | order.quantityGrams        | at most 30 decimal places
                "quantityGrams":0                            | order.quantityGrams        | must be greater than 0
                "daysSupply":7.5                             | order.daysSupply           | must be a whole number, was 7.5
                "daysSupply":99999999999999999999            | order.daysSupply           | must be a whole number below 1000000000
                "daysSupply":-1                              | order.daysSupply           | must be greater than 0, was -1
                "applicationsPerDay":"2"                     | order.applicationsPerDay   | must be a whole number, was the string "2"
                "severity":"Moderate"                        | order.severity             | must be one of mild, moderate, severe; was "Moderate"
                "severity":2                                 | order.severity             | must be one of mild, moderate, severe; was the number 2
                "vitiligoType":"generalised"                 | order.vitiligoType         | must be one of nonsegmental, segmental
                "priorTopicalTherapy":"not_advisable"        | order.priorTopicalTherapy  | must be one of inadequate, not-advisable, none
                "occlusiveDressing":"no"                     | order.occlusiveDressing    | must be true or false, was the string "no"
                "therapyStartDate":"2026-10-1"               | order.therapyStartDate     | must be a date in the form yyyy-MM-dd, was "2026-10-1"
                "therapyStartDate":"2026-02-30"              | order.therapyStartDate     | is not a calendar date: "2026-02-30"
                "therapyStartDate":20261001                  | order.therapyStartDate     | must be a date string in the form yyyy-MM-dd
                "therapyStartDate":"2026-10-01T00:00:00Z"    | order.therapyStartDate     | must be a date in the form yyyy-MM-dd
                "route":7                                    | order.route                | must be a string, was the number 7
                "route":" "                                  | order.route                | must not be blank
                "ndc":"5088100705"                           | order.ndc                  | must be a 10-digit NDC
                """)
        void eachMalformedOrderFieldIsReportedWithItsPath(String field, String path, String message) {
            List<Violation> violations = violationsOf(validWithOrderField(field));

            assertThat(violations).hasSize(1);
            assertThat(violations.get(0).field()).isEqualTo(path);
            assertThat(violations.get(0).message()).contains(message);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                {"asOf":"22.11.2026","patient":{"ageYears":3},"order":{"indication":{"system":"s","code":"c"}}}                           | asOf                        | must be a date in the form yyyy-MM-dd
                {"patient":{"ageYears":3,"pregnant":1},"order":{"indication":{"system":"s","code":"c"}}}                                   | patient.pregnant            | must be true or false, was the number 1
                {"patient":{"ageYears":3.5},"order":{"indication":{"system":"s","code":"c"}}}                                              | patient.ageYears            | must be a whole number, was 3.5
                {"patient":{"ageYears":-1},"order":{"indication":{"system":"s","code":"c"}}}                                               | patient.ageYears            | must be between 0 and 130
                {"patient":{"ageYears":3,"sex":"F"},"order":{"indication":{"system":"s","code":"c"}}}                                      | patient.sex                 | must be one of female, male, other, unknown; was "F"
                {"patient":{"ageYears":3,"smokingStatus":"yes"},"order":{"indication":{"system":"s","code":"c"}}}                          | patient.smokingStatus       | must be one of current, former, never
                {"patient":{"birthDate":"01/05/2012"},"order":{"indication":{"system":"s","code":"c"}}}                                    | patient.birthDate           | must be a date in the form yyyy-MM-dd
                {"patient":{"ageYears":3,"conditions":{"code":"L80"}},"order":{"indication":{"system":"s","code":"c"}}}                    | patient.conditions          | must be an array, was an object
                {"patient":{"ageYears":3,"conditions":["L80"]},"order":{"indication":{"system":"s","code":"c"}}}                           | patient.conditions[0]       | must be an object, was the string "L80"
                {"patient":{"ageYears":3,"conditions":[{"system":"s","code":"a"},{"system":"s","code":123}]},"order":{"indication":{"system":"s","code":"c"}}} | patient.conditions[1].code | must be a string, was the number 123
                {"patient":{"ageYears":3},"order":{"indication":"L20.9"}}                                                                  | order.indication            | must be an object, was the string "L20.9"
                {"patient":"Jane","order":{"indication":{"system":"s","code":"c"}}}                                                        | patient                     | must be an object, was the string "Jane"
                {"patient":{"ageYears":3},"order":{"indication":{"system":"s","code":"c"}},"medications":[{"display":"x","status":"paused"}]} | medications[0].status | must be one of active, on-hold, stopped, completed; was "paused"
                {"patient":{"ageYears":3},"order":{"indication":{"system":"s","code":"c"}},"medications":[{"code":"1876366"}]}             | medications[0].system       | is required with a code
                {"patient":{"ageYears":3},"order":{"indication":{"system":"s","code":"c"}},"medications":{"display":"x"}}                  | medications                 | must be an array, was an object
                {"patient":{"ageYears":3},"order":{"indication":{"system":"s","code":"c"}},"dispenses":[{"date":"2026-11-01","daysSupply":7},{"date":"2026-11-08","daysSupply":7},{"date":"yesterday","daysSupply":7}]} | dispenses[2].date | must be a date in the form yyyy-MM-dd, was "yesterday"
                {"patient":{"ageYears":3},"order":{"indication":{"system":"s","code":"c"}},"dispenses":[{"date":"2026-11-01"}]}            | dispenses[0].daysSupply     | is required
                [1,2]                                                                                                                      | $                           | must be a JSON object (the check request), was an array
                null                                                                                                                       | $                           | must be a JSON object (the check request), was null
                "text"                                                                                                                     | $                           | must be a JSON object (the check request), was the string "text"
                """)
        void eachMalformedFieldElsewhereIsReportedWithItsPath(String json, String path, String message) {
            List<Violation> violations = violationsOf(json);

            assertThat(violations).hasSize(1);
            assertThat(violations.get(0).field()).isEqualTo(path);
            assertThat(violations.get(0).message()).contains(message);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "{\"asOf\": }",
                "{\"asOf\":\"2026-11-22\",}",
                "{'asOf':'2026-11-22'}",
                "{\"asOf\":\"2026-11-22\"} {}",
                "{\"patient\":{\"ageYears\":3} // comment\n}",
                "{\"patient\":{\"ageYears\":03}}",
                "{\"patient\":{\"ageYears\":3},\"patient\":{\"ageYears\":90}}",
                "{\"patient\":{",
                "not json at all"})
        void malformedJsonIsOneViolationOnTheDocumentWithItsPosition(String json) {
            List<Violation> violations = violationsOf(json);

            assertThat(violations).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("$");
                assertThat(v.message()).startsWith("is not valid JSON at line ").contains("column");
                assertThat(v.message()).doesNotContain("Source", "REDACTED", "Exception");
            });
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "\n"})
        void emptyDocumentIsAViolationOnTheDocument(String json) {
            assertThat(violationsOf(json)).singleElement()
                    .isEqualTo(new Violation("$", "is empty: expected a JSON object (the check request)"));
        }

        @Test
        void missingPatientAndOrderAreBothReported() {
            assertThat(violationsOf("{}")).extracting(Violation::field).containsExactly("patient", "order");
        }

        @Test
        void everyViolationIsReportedTogetherInFieldOrder() {
            List<Violation> violations = violationsOf("""
                    {"asOf":"2026-13-01",
                     "patient":{"birthDate":"2030-01-01","sex":"woman"},
                     "order":{"indication":{"code":"L20.9"},"bsaPercent":-5,"quantityGrams":"60","daysSupply":0},
                     "medications":[{"display":"x","status":"paused"},{}],
                     "dispenses":[{"date":"2026-11-01","quantityGrams":-1,"daysSupply":7}]}""");

            assertThat(violations).extracting(Violation::field).containsExactly(
                    "asOf",
                    "patient.sex",
                    "patient.birthDate",
                    "order.quantityGrams",
                    "order.indication.system",
                    "order.bsaPercent",
                    "order.daysSupply",
                    "medications[0].status",
                    "medications[1]",
                    "dispenses[0].quantityGrams");
            assertThat(violations.get(2).message()).contains("after the evaluation date 2026-11-22");
        }

        @Test
        void typeViolationIsNotRepeatedAsAMissingValue() {
            List<Violation> violations = violationsOf("""
                    {"patient":{"birthDate":"1 May 2012"},"order":{"indication":42},
                     "medications":[{"code":17,"system":"http://www.nlm.nih.gov/research/umls/rxnorm"}],
                     "dispenses":["2026-11-01"]}""");

            assertThat(violations).extracting(Violation::field).containsExactly(
                    "patient.birthDate", "order.indication", "medications[0].code", "dispenses[0]");
        }

        @Test
        void malformedArrayElementKeepsTheIndicesOfTheOthers() {
            List<Violation> violations = violationsOf("""
                    {"patient":{"ageYears":3,"conditions":["L80",{"system":"s","code":""}]},
                     "order":{"indication":{"system":"s","code":"L80"}}}""");

            assertThat(violations).extracting(Violation::field)
                    .containsExactly("patient.conditions[0]", "patient.conditions[1].code");
        }

        @Test
        void exceptionMessageListsEveryViolation() {
            InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                    () -> WIRE.readRequest(validWithOrderField("\"bsaPercent\":-5,\"daysSupply\":\"7\"")));

            assertThat(e.getMessage()).contains("order.bsaPercent", "order.daysSupply");
        }

        @Test
        void quotedValuesAreShortenedAndFreeOfControlCharacters() {
            String value = "\\u001b[31m" + "x".repeat(200);
            Violation v = violationsOf(validWithOrderField("\"severity\":\"" + value + "\"")).get(0);

            assertThat(v.message()).doesNotContain("\u001b").contains("…").hasSizeLessThan(200);
        }
    }

    @Nested
    class HostileInput {

        @Test
        void tenThousandNestedArraysAreRefused() {
            String json = "{\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";

            assertThat(violationsOf(json)).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("$");
                assertThat(v.message()).contains("size limit", "nesting depth");
            });
        }

        @Test
        void tenThousandNestedObjectsAreRefusedFromAStream() {
            String json = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);

            assertThat(violationsOf(json.getBytes(StandardCharsets.UTF_8)))
                    .singleElement().extracting(Violation::field).isEqualTo("$");
        }

        @Test
        void tenMegabyteStringIsRefused() {
            String json = validWithOrderField("\"route\":\"" + "a".repeat(10 * 1024 * 1024) + "\"");

            assertThat(violationsOf(json)).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("$");
                assertThat(v.message()).startsWith("exceeds a size limit").doesNotContain("aaaa");
            });
            assertThat(violationsOf(json.getBytes(StandardCharsets.UTF_8))).singleElement()
                    .extracting(Violation::field).isEqualTo("$");
        }

        @Test
        void documentLargerThanTheLimitIsRefusedEvenWhenEachPartIsSmall() {
            String padding = "\"pad\":[" + "\"0123456789\",".repeat(200_000) + "0],";
            String json = "{" + padding + "\"patient\":{\"ageYears\":3}}";

            assertThat(violationsOf(json.getBytes(StandardCharsets.UTF_8))).singleElement()
                    .satisfies(v -> assertThat(v.message()).startsWith("exceeds a size limit"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "+1", ".5", "1.", "0x10"})
        void nonNumbersInNumberPlacesAreMalformedJson(String literal) {
            assertThat(violationsOf(validWithOrderField("\"bsaPercent\":" + literal))).singleElement()
                    .satisfies(v -> {
                        assertThat(v.field()).isEqualTo("$");
                        assertThat(v.message()).startsWith("is not valid JSON");
                    });
        }

        @Test
        void numberWithAThousandDigitsIsRefused() {
            assertThat(violationsOf(validWithOrderField("\"bsaPercent\":" + "9".repeat(1000))))
                    .singleElement().extracting(Violation::field).isEqualTo("$");
        }

        @Test
        void invalidUtf8IsMalformedJson() {
            byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

            assertThat(violationsOf(bytes)).singleElement().extracting(Violation::field).isEqualTo("$");
        }

        @Test
        void failingStreamIsAViolationOnTheDocument() {
            InputStream failing = new InputStream() {
                @Override
                public int read() throws IOException {
                    throw new IOException("device not ready");
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    throw new IOException("device not ready");
                }
            };

            InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                    () -> WIRE.readRequest(failing));

            assertThat(e.violations()).containsExactly(new Violation("$", "could not be read: device not ready"));
        }

        @Test
        void treeParsedElsewhereWithNotANumberIsAViolationOnTheField() {
            ObjectNode root = (ObjectNode) com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            root.putObject("patient").put("ageYears", Double.POSITIVE_INFINITY);
            root.putObject("order").put("bsaPercent", Double.NaN)
                    .putObject("indication").put("system", "s").put("code", "L20.9");

            InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                    () -> WIRE.readRequest(root));

            assertThat(e.violations()).containsExactly(
                    new Violation("patient.ageYears", "must be a finite number, was Infinity"),
                    new Violation("order.bsaPercent", "must be a finite number, was NaN"));
        }

        @Test
        void binaryGarbageIsMalformedJson() {
            byte[] bytes = new byte[4096];
            new java.util.Random(7).nextBytes(bytes);

            assertThat(violationsOf(bytes)).isNotEmpty().allSatisfy(v -> assertThat(v.field()).isEqualTo("$"));
        }
    }

    @Nested
    class Writing {

        private final KnowledgeBaseInfo kb = new KnowledgeBaseInfo("kb-1234", "US", "2025-09");
        private final Source label = new Source("Opzelura US Prescribing Information", "2.1", "2025-09",
                "https://example.org/label", true);

        @Test
        void assessmentHasTheContractShapeInOneLine() {
            Finding critical = new Finding("RUXO-DOSE-BSA-AD", Category.DOSING, Severity.CRITICAL,
                    "Treated area 25% exceeds the 20% BSA limit for atopic dermatitis", "Label: up to 20% BSA.",
                    label, true);
            Finding info = new Finding("RUXO-MON-LABS", Category.MONITORING, Severity.INFO, "Consider a blood count",
                    null, new Source("Policy", "policy", "2026-11", null, false), false);

            String json = WIRE.writeAssessment(Assessment.of(List.of(info, critical), kb));

            assertThat(json).isEqualTo("{\"decision\":\"STOP\",\"findings\":["
                    + "{\"ruleId\":\"RUXO-DOSE-BSA-AD\",\"category\":\"DOSING\",\"severity\":\"CRITICAL\","
                    + "\"summary\":\"Treated area 25% exceeds the 20% BSA limit for atopic dermatitis\","
                    + "\"detail\":\"Label: up to 20% BSA.\","
                    + "\"source\":{\"label\":\"Opzelura US Prescribing Information\",\"section\":\"2.1\","
                    + "\"revision\":\"2025-09\",\"url\":\"https://example.org/label\",\"verified\":true},"
                    + "\"overridable\":true},"
                    + "{\"ruleId\":\"RUXO-MON-LABS\",\"category\":\"MONITORING\",\"severity\":\"INFO\","
                    + "\"summary\":\"Consider a blood count\","
                    + "\"source\":{\"label\":\"Policy\",\"section\":\"policy\",\"revision\":\"2026-11\",\"verified\":false},"
                    + "\"overridable\":false}],"
                    + "\"knowledgeBase\":{\"version\":\"kb-1234\",\"jurisdiction\":\"US\",\"labelRevision\":\"2025-09\"},"
                    + "\"libraryVersion\":\"" + RuxoRules.version() + "\",\"wireFormatVersion\":1}");
        }

        @Test
        void emptyAssessmentProceedsWithAnEmptyFindingList() {
            assertThat(WIRE.writeAssessment(Assessment.of(List.of(), kb))).isEqualTo(
                    "{\"decision\":\"PROCEED\",\"findings\":[],"
                            + "\"knowledgeBase\":{\"version\":\"kb-1234\",\"jurisdiction\":\"US\",\"labelRevision\":\"2025-09\"},"
                            + "\"libraryVersion\":\"" + RuxoRules.version() + "\",\"wireFormatVersion\":1}");
        }

        @Test
        void assessmentTreeCanBeExtended() {
            ObjectNode node = WIRE.toJson(Assessment.of(List.of(), kb));
            ObjectNode line = node.objectNode().put("input", "a.json");
            line.setAll(node);

            assertThat(WIRE.write(line)).startsWith("{\"input\":\"a.json\",\"decision\":\"PROCEED\"");
        }

        @Test
        void invalidRequestBecomesTheErrorObject() {
            InvalidRequestException e = new InvalidRequestException(List.of(
                    new Violation("order.bsaPercent", "must be greater than 0 and at most 100, was -5"),
                    new Violation("patient", "is required")));

            assertThat(WIRE.writeError(e)).isEqualTo("{\"error\":\"INVALID_REQUEST\",\"violations\":["
                    + "{\"field\":\"order.bsaPercent\",\"message\":\"must be greater than 0 and at most 100, was -5\"},"
                    + "{\"field\":\"patient\",\"message\":\"is required\"}]}");
        }

        @Test
        void errorObjectForUnreadableJsonNamesTheDocument() {
            InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                    () -> WIRE.readRequest("{"));

            assertThat(WIRE.toJson(e).get("violations").get(0).get("field").asText()).isEqualTo("$");
        }
    }
}
