package dev.ruxo.rules.testkit;

import dev.ruxo.rules.Assessment;

/**
 * Entry point for the testkit's assertions; import statically beside AssertJ's.
 *
 * @since 0.1.0
 */
public final class RuxoAssertions {

    private RuxoAssertions() {
    }

    /**
     * @param actual the assessment under test
     * @return its assertions
     */
    public static AssessmentAssert assertThat(Assessment actual) {
        return new AssessmentAssert(actual);
    }
}
