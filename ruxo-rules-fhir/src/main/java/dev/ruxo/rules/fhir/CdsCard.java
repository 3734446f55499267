package dev.ruxo.rules.fhir;

import java.util.List;
import java.util.Objects;
import org.hl7.fhir.r4.model.Resource;

/**
 * One CDS Hooks 2.0 card. {@link CdsCards} makes them from an assessment and writes them as JSON.
 *
 * @param uuid              stable for the same hook instance and rule, so that feedback ties back to the finding
 * @param summary           one line, fewer than 140 characters
 * @param detail            Markdown: the reason, the threshold and its source; nullable
 * @param indicator         info, warning or critical
 * @param source            where the advice comes from
 * @param suggestions       concrete fixes; never null
 * @param selectionBehavior {@code at-most-one} when there are suggestions, else null
 * @param overrideReasons   reasons a prescriber may pick to override the card; empty when it is not overridable
 * @param links             links to show; never null
 * @since 0.1.0
 */
public record CdsCard(
        String uuid,
        String summary,
        String detail,
        Indicator indicator,
        Source source,
        List<Suggestion> suggestions,
        String selectionBehavior,
        List<CdsCoding> overrideReasons,
        List<Link> links) {

    /** CDS Hooks allows fewer than 140 characters in a summary. */
    public static final int MAX_SUMMARY_LENGTH = 139;

    /**
     * Checks the required components and copies the lists.
     *
     * @param uuid              stable for the same hook instance and rule, so that feedback ties back to the finding
     * @param summary           one line, fewer than 140 characters
     * @param detail            Markdown: the reason, the threshold and its source; nullable
     * @param indicator         info, warning or critical
     * @param source            where the advice comes from
     * @param suggestions       concrete fixes; never null
     * @param selectionBehavior {@code at-most-one} when there are suggestions, else null
     * @param overrideReasons   reasons a prescriber may pick to override the card; empty when it is not overridable
     * @param links             links to show; never null
     */
    public CdsCard {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(source, "source");
        if (summary.isBlank() || summary.length() > MAX_SUMMARY_LENGTH) {
            throw new IllegalArgumentException("a card summary has 1 to " + MAX_SUMMARY_LENGTH + " characters");
        }
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
        overrideReasons = overrideReasons == null ? List.of() : List.copyOf(overrideReasons);
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** The card's urgency. */
    public enum Indicator {
        /** Advice. */
        INFO("info"),
        /** Caution to review. */
        WARNING("warning"),
        /** Stop unless overridden. */
        CRITICAL("critical");

        private final String json;

        Indicator(String json) {
            this.json = json;
        }

        /** @return the CDS Hooks spelling */
        public String json() {
            return json;
        }
    }

    /**
     * A coded value, as CDS Hooks writes a Coding.
     *
     * @param system  the code system URI
     * @param code    the code
     * @param display the text; nullable
     */
    public record CdsCoding(String system, String code, String display) {
        /**
         * Checks the required components.
         *
         * @param system  the code system URI
         * @param code    the code
         * @param display the text; nullable
         */
        public CdsCoding {
            Objects.requireNonNull(system, "system");
            Objects.requireNonNull(code, "code");
        }
    }

    /**
     * The card's source.
     *
     * @param label the label title and section, such as "Opzelura US Prescribing Information, section 2.1"
     * @param url   the label section; nullable
     * @param topic what the card is about (the finding's category and rule); nullable
     */
    public record Source(String label, String url, CdsCoding topic) {
        /**
         * Checks the label is present.
         *
         * @param label the label title and section, such as "Opzelura US Prescribing Information, section 2.1"
         * @param url   the label section; nullable
         * @param topic what the card is about (the finding's category and rule); nullable
         */
        public Source {
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * A suggested fix.
     *
     * @param label         what it does, for a button
     * @param uuid          stable like the card's; nullable
     * @param isRecommended whether the service recommends it
     * @param actions       the changes it makes
     */
    public record Suggestion(String label, String uuid, boolean isRecommended, List<Action> actions) {
        /**
         * Checks the label and copies the actions.
         *
         * @param label         what it does, for a button
         * @param uuid          stable like the card's; nullable
         * @param isRecommended whether the service recommends it
         * @param actions       the changes it makes
         */
        public Suggestion {
            Objects.requireNonNull(label, "label");
            actions = actions == null ? List.of() : List.copyOf(actions);
        }
    }

    /** The kind of change an action makes. */
    public enum ActionType {
        /** Create a resource. */
        CREATE("create"),
        /** Replace a resource with the one given. */
        UPDATE("update"),
        /** Delete the resource named. */
        DELETE("delete");

        private final String json;

        ActionType(String json) {
            this.json = json;
        }

        /** @return the CDS Hooks spelling */
        public String json() {
            return json;
        }
    }

    /**
     * One change to a draft resource.
     *
     * @param type        create, update or delete
     * @param description what it does
     * @param resource    the new or updated resource; null for delete
     * @param resourceId  the draft resource it changes, as a relative reference such as {@code MedicationRequest/abc};
     *                    required for delete
     */
    public record Action(ActionType type, String description, Resource resource, String resourceId) {
        /**
         * Checks that the action names what it changes.
         *
         * @param type        create, update or delete
         * @param description what it does
         * @param resource    the new or updated resource; null for delete
         * @param resourceId  the draft resource it changes, as a relative reference such as {@code MedicationRequest/abc};
         *                    required for delete
         */
        public Action {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(description, "description");
            if (type == ActionType.DELETE && resourceId == null) {
                throw new IllegalArgumentException("a delete action names its resource");
            }
            if (type != ActionType.DELETE && resource == null) {
                throw new IllegalArgumentException("a create or update action carries its resource");
            }
        }
    }

    /**
     * A link on the card.
     *
     * @param label the text
     * @param url   where it goes
     * @param type  {@code absolute} or {@code smart}
     */
    public record Link(String label, String url, String type) {
        /**
         * Checks the components.
         *
         * @param label the text
         * @param url   where it goes
         * @param type  {@code absolute} or {@code smart}
         */
        public Link {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(type, "type");
        }
    }
}
