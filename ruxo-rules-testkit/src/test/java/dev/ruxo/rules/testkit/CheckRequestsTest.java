package dev.ruxo.rules.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ruxo.rules.InvalidRequestException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CheckRequestsTest {

    @Test
    void ageMeansTheBirthdayExactlyThatManyYearsBeforeTheEvaluationDate() {
        var r = CheckRequests.adultAtopicDermatitis().asOf(LocalDate.of(2026, 3, 1)).age(2).build();
        assertThat(r.patient().birthDate()).isEqualTo(LocalDate.of(2024, 3, 1));
    }

    @Test
    void ageYearsOnlyLeavesNoBirthDate() {
        var r = CheckRequests.adultVitiligo().ageYearsOnly(40).build();
        assertThat(r.patient().birthDate()).isNull();
        assertThat(r.patient().ageYears()).isEqualTo(40);
    }

    @Test
    void buildValidatesAndBuildUncheckedDoesNot() {
        assertThatThrownBy(() -> CheckRequests.adultAtopicDermatitis().bsa("0").build())
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("order.bsaPercent");
        assertThat(CheckRequests.adultAtopicDermatitis().bsa("0").buildUnchecked().order().bsaPercent())
                .isZero();
    }

    @Test
    void dispensesCountBackFromTheEvaluationDate() {
        var r = CheckRequests.adultAtopicDermatitis().dispensed(3, 60, 7).build();
        assertThat(r.dispenses()).singleElement().satisfies(d -> {
            assertThat(d.date()).isEqualTo(CheckRequests.DEFAULT_AS_OF.minusDays(3));
            assertThat(d.daysSupply()).isEqualTo(7);
        });
    }
}
