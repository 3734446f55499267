package dev.ruxo.rules.fhir;

/**
 * The {@code fhirAuthorization} object of a CDS Hooks request: an OAuth 2.0 access token the service may use to read
 * from the FHIR server. {@link #toString()} never shows the token.
 *
 * @param accessToken the bearer token
 * @param tokenType   {@code Bearer}
 * @param expiresIn   lifetime in seconds; nullable
 * @param scope       granted scopes
 * @param subject     the OAuth client id of the CDS service
 * @param patient     the patient in context the token is limited to; nullable
 * @since 0.1.0
 */
public record FhirAuthorization(String accessToken, String tokenType, Long expiresIn, String scope, String subject,
                                String patient) {

    /**
     * The fields without the token, so that logging a request never leaks a credential.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "FhirAuthorization[accessToken=(hidden), tokenType=" + tokenType + ", expiresIn=" + expiresIn
                + ", scope=" + scope + ", subject=" + subject + ", patient=" + patient + "]";
    }
}
