package dev.ruxo.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The builders' number setters, validation without a clock, and the exception's serialized form. */
class BuilderTest {

    private static Order.Builder order() {
        return Order.builder().indication(Coding.icd10cm("L20.9", "Atopic dermatitis"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12,5", "twelve", "", "1e", "12.5%"})
    void bsaPercentTextThatIsNoNumberIsAnInvalidRequestNamingTheFieldAndNotTheText(String text) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                () -> order().bsaPercent(text));
        assertThat(e).isNotNull().isInstanceOf(RuxoRulesException.class);
        assertThat(e.violations()).extracting(Violation::field).containsExactly("order.bsaPercent");
        if (!text.isEmpty()) {
            assertThat(e.getMessage()).doesNotContain(text);
        }
    }

    @Test
    void everyNumberOfTheOrderTakesItsOwnTypeLongAndText() {
        Order fromOwn = order().bsaPercent(new BigDecimal("12")).quantityGrams(new BigDecimal("60")).daysSupply(7)
                .applicationsPerDay(Integer.valueOf(2)).build();
        Order fromLong = order().bsaPercent(12L).quantityGrams(60L).daysSupply(7L).applicationsPerDay(2L).build();
        Order fromText = order().bsaPercent("12").quantityGrams("60").daysSupply("7").applicationsPerDay("2").build();
        assertThat(fromLong).isEqualTo(fromOwn);
        assertThat(fromText).isEqualTo(fromOwn);
        assertThat(order().bsaPercent(" 12.5 ").build().bsaPercent()).isEqualByComparingTo("12.5");
    }

    @Test
    void textNullClearsANumber() {
        Order cleared = order().bsaPercent("5").bsaPercent((String) null).quantityGrams("5")
                .quantityGrams((String) null).daysSupply("5").daysSupply((String) null).applicationsPerDay("5")
                .applicationsPerDay((String) null).build();
        assertThat(cleared).isEqualTo(order().build());
        assertThat(Patient.builder().ageYears("5").ageYears((String) null).build().ageYears()).isNull();
    }

    @Test
    void theAgeTakesIntegerLongAndText() {
        assertThat(Patient.builder().ageYears(14L).build()).isEqualTo(Patient.builder().ageYears(14).build());
        assertThat(Patient.builder().ageYears("14").build()).isEqualTo(Patient.builder().ageYears(14).build());
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> Patient.builder().ageYears("14.5"))
                .violations()).extracting(Violation::field).containsExactly("patient.ageYears");
    }

    @Test
    void wholeNumbersThatDoNotFitAnIntAreInvalidRequests() {
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> order().daysSupply(1L << 32))
                .violations()).extracting(Violation::field).containsExactly("order.daysSupply");
        assertThat(catchThrowableOfType(InvalidRequestException.class,
                () -> order().applicationsPerDay("99999999999")).violations()).extracting(Violation::field)
                .containsExactly("order.applicationsPerDay");
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> order().daysSupply("7.5"))
                .violations()).extracting(Violation::field).containsExactly("order.daysSupply");
        assertThat(order().daysSupply((long) Integer.MAX_VALUE).build().daysSupply()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void buildWithoutAsOfLeavesTheDateChecksToTheEngineAndReadsNoClock() {
        Patient future = Patient.builder().birthDate(LocalDate.now().plusYears(5)).build();
        CheckRequest request = CheckRequest.builder().patient(future).order(order().build()).build();
        assertThat(request.asOf()).isNull();
        // the engine, with its own clock, rejects it; the request itself is well formed
        assertThat(RequestValidation.violations(request, LocalDate.now())).extracting(Violation::field)
                .containsExactly("patient.birthDate");
        // with asOf, build() checks the date itself
        assertThatThrownBy(() -> CheckRequest.builder().asOf(LocalDate.now()).patient(future).order(order().build())
                .build()).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void anInvalidRequestKeepsItsViolationsWhenSerialized() throws IOException, ClassNotFoundException {
        var original = new InvalidRequestException(List.of(new Violation("order.bsaPercent", "must be a number"),
                new Violation("patient", "is required")));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(original);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            InvalidRequestException copy = (InvalidRequestException) in.readObject();
            assertThat(copy.violations()).isEqualTo(original.violations());
            assertThat(copy.getMessage()).isEqualTo(original.getMessage());
        }
    }
}
