package dev.ruxo.rules.cdshooks;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One feedback item of the CDS Hooks feedback endpoint, as stored.
 *
 * @param cardUuid            the card's uuid
 * @param serviceId           the service the card came from
 * @param outcome             {@code accepted} or {@code overridden}
 * @param overrideSystem      the override reason's code system; nullable
 * @param overrideCode        the override reason's code; nullable
 * @param overrideDisplay     the override reason's display text; nullable
 * @param userComment         the clinician's comment; nullable
 * @param acceptedSuggestions the uuids of the accepted suggestions
 * @param outcomeTime         when the clinician acted; nullable
 * @since 0.1.0
 */
public record FeedbackEntry(String cardUuid, String serviceId, String outcome, String overrideSystem,
                            String overrideCode, String overrideDisplay, String userComment,
                            List<String> acceptedSuggestions, Instant outcomeTime) {

    /**
     * Checks the required components and copies the list.
     *
     * @param cardUuid            the card's uuid
     * @param serviceId           the service the card came from
     * @param outcome             {@code accepted} or {@code overridden}
     * @param overrideSystem      the override reason's code system; nullable
     * @param overrideCode        the override reason's code; nullable
     * @param overrideDisplay     the override reason's display text; nullable
     * @param userComment         the clinician's comment; nullable
     * @param acceptedSuggestions the uuids of the accepted suggestions
     * @param outcomeTime         when the clinician acted; nullable
     */
    public FeedbackEntry {
        Objects.requireNonNull(cardUuid, "cardUuid must not be null");
        Objects.requireNonNull(serviceId, "serviceId must not be null");
        Objects.requireNonNull(outcome, "outcome must not be null");
        acceptedSuggestions = List.copyOf(acceptedSuggestions);
    }
}
