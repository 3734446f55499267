package dev.ruxo.rules.cdshooks;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * An EHR the service trusts: the {@code iss} of its JWTs and where its public keys are.
 *
 * @param issuer     the exact {@code iss} claim
 * @param jwksUrl    the JWK Set URL of the issuer's signing keys
 * @param allowedJku further JWK Set URLs a token's {@code jku} header may name; a {@code jku} outside this list (and
 *                   other than {@code jwksUrl}) is refused
 * @since 0.1.0
 */
public record IssuerConfig(String issuer, URI jwksUrl, List<URI> allowedJku) {

    /**
     * Checks the components.
     *
     * @param issuer     the exact {@code iss} claim
     * @param jwksUrl    the JWK Set URL of the issuer's signing keys
     * @param allowedJku further JWK Set URLs a token's {@code jku} header may name; a {@code jku} outside this list (and
     *                   other than {@code jwksUrl}) is refused
     * @throws IllegalArgumentException when the issuer is blank or a URL is not absolute http(s)
     */
    public IssuerConfig {
        Objects.requireNonNull(issuer, "issuer must not be null");
        Objects.requireNonNull(jwksUrl, "jwksUrl must not be null");
        allowedJku = List.copyOf(allowedJku);
        if (issuer.isBlank()) {
            throw new IllegalArgumentException("issuer must not be blank");
        }
        requireHttp("jwksUrl", jwksUrl);
        for (URI jku : allowedJku) {
            requireHttp("allowedJku", jku);
        }
    }

    /**
     * An issuer whose tokens must not carry a {@code jku} other than its JWK Set URL.
     *
     * @param issuer  the {@code iss} claim
     * @param jwksUrl the JWK Set URL
     * @return the issuer
     */
    public static IssuerConfig of(String issuer, URI jwksUrl) {
        return new IssuerConfig(issuer, jwksUrl, List.of());
    }

    /**
     * Whether a token of this issuer may name {@code jku} as its key set.
     *
     * @param jku the header value
     * @return true for the JWK Set URL itself and the allow-listed ones
     */
    public boolean allowsJku(URI jku) {
        return jku.equals(jwksUrl) || allowedJku.contains(jku);
    }

    static void requireHttp(String name, URI uri) {
        String scheme = uri.getScheme();
        if (!uri.isAbsolute() || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))
                || uri.getHost() == null) {
            throw new IllegalArgumentException(name + " must be an absolute http or https URL, was '" + uri + "'");
        }
    }
}
