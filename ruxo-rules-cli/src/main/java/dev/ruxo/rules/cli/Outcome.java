package dev.ruxo.rules.cli;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.InvalidRequestException;
import dev.ruxo.rules.Violation;
import java.util.List;

/** What became of one input. */
sealed interface Outcome {

    /** @return the exit status this outcome alone calls for */
    int status();

    /** The engine assessed the request. */
    record Assessed(Assessment assessment) implements Outcome {
        @Override
        public int status() {
            return ExitStatus.OK;
        }
    }

    /** The input was not a valid request: not readable, not JSON, or structurally invalid. */
    record Invalid(InvalidRequestException rejection) implements Outcome {

        /** @return every violation */
        List<Violation> violations() {
            return rejection.violations();
        }

        @Override
        public int status() {
            return ExitStatus.INVALID;
        }
    }

    /** A CDS Hooks request whose draft orders hold no order for the cream: nothing to check, not an error. */
    record NothingToCheck() implements Outcome {
        @Override
        public int status() {
            return ExitStatus.OK;
        }
    }

    /** The engine failed; the order is unchecked. The message carries no patient data. */
    record Failed(String message) implements Outcome {
        @Override
        public int status() {
            return ExitStatus.INTERNAL_ERROR;
        }
    }

    /**
     * The status for a whole run: an internal error wins over an invalid input, which wins over success.
     *
     * @param statuses the status of each outcome
     * @return the status of the run
     */
    static int combine(List<Integer> statuses) {
        if (statuses.contains(ExitStatus.INTERNAL_ERROR)) {
            return ExitStatus.INTERNAL_ERROR;
        }
        return statuses.contains(ExitStatus.INVALID) ? ExitStatus.INVALID : ExitStatus.OK;
    }
}
