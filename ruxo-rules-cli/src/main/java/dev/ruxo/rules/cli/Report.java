package dev.ruxo.rules.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruxo.rules.Finding;
import dev.ruxo.rules.Violation;
import dev.ruxo.rules.fhir.CdsCard;
import dev.ruxo.rules.fhir.CdsCards;
import dev.ruxo.rules.json.WireFormat;
import java.io.PrintStream;
import java.util.List;

/** Prints the outcome of each input as soon as it is known, so a long run shows progress. */
interface Report {

    /**
     * Prints one input's outcome.
     *
     * @param input   the file name as given on the command line
     * @param outcome what became of it
     */
    void write(String input, Outcome outcome);

    /**
     * Prints one input's outcome, with the CDS Hooks cards made for it; only the cards format prints them.
     *
     * @param input   the file name as given on the command line
     * @param outcome what became of it
     * @param cards   the cards; null when none could be made (unreadable input, a mapping error, an engine failure)
     */
    default void write(String input, Outcome outcome, List<CdsCard> cards) {
        write(input, outcome);
    }

    /** For people: the decision and the file name, then one line per finding or violation. */
    final class Text implements Report {
        private final PrintStream out;

        Text(PrintStream out) {
            this.out = out;
        }

        @Override
        public void write(String input, Outcome outcome) {
            if (outcome instanceof Outcome.Assessed a) {
                out.println(a.assessment().decision().wireValue() + "  " + input);
                if (a.assessment().findings().isEmpty()) {
                    out.println("  no findings");
                }
                for (Finding f : a.assessment().findings()) {
                    out.println("  " + f.severity().wireValue() + "  " + f.category().wireValue() + "  "
                            + f.ruleId() + "  " + f.summary());
                }
            } else if (outcome instanceof Outcome.NothingToCheck) {
                out.println("NOTHING-TO-CHECK  " + input);
                out.println("  the draft orders hold no order for ruxolitinib cream");
            } else if (outcome instanceof Outcome.Invalid i) {
                out.println("INVALID  " + input);
                for (Violation v : i.violations()) {
                    out.println("  " + v);
                }
            } else if (outcome instanceof Outcome.Failed f) {
                out.println("ERROR  " + input);
                out.println("  internal error: " + f.message());
            }
            out.flush();
        }
    }

    /** JSON Lines: one compact object per input, its first field {@code input}. */
    final class JsonLines implements Report {
        private final PrintStream out;
        private final WireFormat wire;

        JsonLines(PrintStream out, WireFormat wire) {
            this.out = out;
            this.wire = wire;
        }

        @Override
        public void write(String input, Outcome outcome) {
            ObjectNode body;
            if (outcome instanceof Outcome.Assessed a) {
                body = wire.toJson(a.assessment());
            } else if (outcome instanceof Outcome.Invalid i) {
                body = wire.toJson(i.rejection());
            } else if (outcome instanceof Outcome.NothingToCheck) {
                body = JsonNodeFactory.instance.objectNode().put("nothingToCheck", true)
                        .put("message", "the draft orders hold no order for ruxolitinib cream");
            } else {
                body = JsonNodeFactory.instance.objectNode()
                        .put("error", "INTERNAL_ERROR")
                        .put("message", ((Outcome.Failed) outcome).message());
            }
            ObjectNode line = JsonNodeFactory.instance.objectNode().put("input", input);
            line.setAll(body);
            out.println(wire.write(line));
            out.flush();
        }
    }

    /** CDS Hooks cards: {@code {"input": FILE, "cards": [...]}} per input, or the JSON error object. */
    final class Cards implements Report {
        private final PrintStream out;
        private final JsonLines errors;
        private final WireFormat wire;
        private final CdsCards cards = CdsCards.create();

        Cards(PrintStream out, WireFormat wire) {
            this.out = out;
            this.wire = wire;
            this.errors = new JsonLines(out, wire);
        }

        @Override
        public void write(String input, Outcome outcome) {
            errors.write(input, outcome);
        }

        @Override
        public void write(String input, Outcome outcome, List<CdsCard> made) {
            if (made == null) {
                errors.write(input, outcome);
                return;
            }
            ObjectNode line = JsonNodeFactory.instance.objectNode().put("input", input);
            line.set("cards", cards.toJson(made));
            out.println(wire.write(line));
            out.flush();
        }
    }
}
