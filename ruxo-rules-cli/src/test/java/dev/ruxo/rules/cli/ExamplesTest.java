package dev.ruxo.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.InvalidRequestException;
import dev.ruxo.rules.json.WireFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The example requests in {@code examples/} say what their names say, without needing an engine. */
class ExamplesTest {

    static final Path EXAMPLES = Path.of("..", "examples");

    static Stream<Path> validExamples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @Test
    void theFourValidExamplesAreThere() throws IOException {
        assertThat(validExamples().map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                "adult-atopic-dermatitis.json", "vitiligo-bsa-too-large.json", "ad-with-dupilumab.json",
                "child-atopic-dermatitis.json");
    }

    @ParameterizedTest
    @MethodSource("validExamples")
    void validExampleIsAValidRequestAsOfTheExampleDate(Path example) throws IOException {
        CheckRequest request = WireFormat.create().readRequest(Files.readString(example));

        assertThat(request.asOf()).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(request.order().indication().system()).isEqualTo("http://hl7.org/fhir/sid/icd-10-cm");
    }

    @Test
    void childExampleIsSevenYearsOld() throws IOException {
        CheckRequest request = WireFormat.create()
                .readRequest(Files.readString(EXAMPLES.resolve("child-atopic-dermatitis.json")));

        assertThat(java.time.Period.between(request.patient().birthDate(), request.asOf()).getYears()).isEqualTo(7);
    }

    @Test
    void negativeBsaExampleIsInvalidOnThatFieldOnly() {
        assertThatThrownBy(() -> WireFormat.create()
                .readRequest(Files.readString(EXAMPLES.resolve("invalid/negative-bsa.json"))))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).isEqualTo(List.of("order.bsaPercent")));
    }

    @Test
    void notJsonExampleIsNotJson() {
        assertThatThrownBy(() -> WireFormat.create()
                .readRequest(Files.readString(EXAMPLES.resolve("invalid/not-json.json"))))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .singleElement().satisfies(v -> assertThat(v.message()).startsWith("is not valid JSON")));
    }
}
