package dev.ruxo.rules.cdshooks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies the EHR's JWT the way CDS Hooks 2.0 asks: signed with RS384 or ES384 by a key of an allow-listed issuer,
 * addressed to this service, fresh, and used once. Thread safe.
 */
final class JwtAuthenticator {

    /** The algorithms CDS Hooks names; {@code none} and HMAC never pass. */
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS384, JWSAlgorithm.ES384);
    /** Tokens may live at most this long past now: the spec recommends 5 minutes, and it bounds the replay cache. */
    static final Duration MAX_LIFETIME = Duration.ofHours(1);
    private static final int MAX_TOKEN_CHARS = 16 * 1024;
    private static final int REPLAY_CACHE_LIMIT = 200_000;
    private static final Logger LOG = LoggerFactory.getLogger(JwtAuthenticator.class);

    private final Map<String, IssuerConfig> issuers = new HashMap<>();
    private final Set<String> tenants;
    private final Duration skew;
    private final Clock clock;
    private final int fetchTimeoutMillis;
    private final Map<URI, DefaultJWTProcessor<SecurityContext>> processors = new ConcurrentHashMap<>();
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();

    JwtAuthenticator(List<IssuerConfig> issuers, Set<String> tenants, Duration skew, Duration fetchTimeout, Clock clock) {
        for (IssuerConfig issuer : issuers) {
            this.issuers.put(issuer.issuer(), issuer);
        }
        this.tenants = Set.copyOf(tenants);
        this.skew = skew;
        this.clock = clock;
        this.fetchTimeoutMillis = (int) Math.max(100, fetchTimeout.toMillis());
    }

    /** @return whether any issuer is trusted; without one every call is refused */
    boolean hasIssuers() {
        return !issuers.isEmpty();
    }

    /**
     * Verifies an {@code Authorization} header.
     *
     * @param authorization the header value; null when absent
     * @param audiences     the audiences this call accepts
     * @return the verified claims
     * @throws Refused with the reason, for the log only: the caller answers a bare 401
     */
    JWTClaimsSet verify(String authorization, Set<String> audiences) throws Refused {
        if (issuers.isEmpty()) {
            throw new Refused("no trusted issuer is configured");
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new Refused("no bearer token");
        }
        String token = authorization.substring(7).trim();
        if (token.length() > MAX_TOKEN_CHARS) {
            throw new Refused("token too long");
        }
        SignedJWT jwt;
        try {
            JWT parsed = JWTParser.parse(token);
            if (!(parsed instanceof SignedJWT signed)) {
                throw new Refused("token is not signed (alg none or encrypted)");
            }
            jwt = signed;
        } catch (ParseException e) {
            throw new Refused("token does not parse");
        }
        JWSHeader header = jwt.getHeader();
        if (!ALGORITHMS.contains(header.getAlgorithm())) {
            throw new Refused("algorithm " + header.getAlgorithm() + " is not RS384 or ES384");
        }
        String iss;
        try {
            iss = jwt.getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw new Refused("claims do not parse");
        }
        IssuerConfig issuer = iss == null ? null : issuers.get(iss);
        if (issuer == null) {
            throw new Refused("issuer is not trusted");
        }
        URI keys = issuer.jwksUrl();
        if (header.getJWKURL() != null) {
            if (!issuer.allowsJku(header.getJWKURL())) {
                throw new Refused("jku is not allow-listed for the issuer");
            }
            keys = header.getJWKURL();
        }
        JWTClaimsSet claims;
        try {
            claims = processor(keys).process(jwt, null);
        } catch (BadJOSEException | JOSEException e) {
            throw new Refused("signature or key: " + e.getMessage());
        }
        checkClaims(claims, iss, audiences);
        return claims;
    }

    private void checkClaims(JWTClaimsSet claims, String iss, Set<String> audiences) throws Refused {
        Instant now = clock.instant();
        DefaultJWTClaimsVerifier<SecurityContext> verifier = new DefaultJWTClaimsVerifier<>(audiences,
                new JWTClaimsSet.Builder().issuer(iss).build(), Set.of("iss", "aud", "exp", "iat", "jti"), Set.of());
        verifier.setMaxClockSkew((int) skew.toSeconds());
        try {
            verifier.verify(claims, null);
        } catch (com.nimbusds.jwt.proc.BadJWTException e) {
            throw new Refused("claims: " + e.getMessage());
        }
        Date iat = claims.getIssueTime();
        Instant exp = claims.getExpirationTime().toInstant();
        if (iat.toInstant().isAfter(now.plus(skew))) {
            throw new Refused("iat is in the future");
        }
        if (exp.isAfter(now.plus(MAX_LIFETIME))) {
            throw new Refused("exp is more than " + MAX_LIFETIME.toMinutes() + " minutes away");
        }
        if (!tenants.isEmpty()) {
            Object tenant = claims.getClaim("tenant");
            if (!(tenant instanceof String t) || !tenants.contains(t)) {
                throw new Refused("tenant is not allow-listed");
            }
        }
        rememberOnce(iss + " " + claims.getJWTID(), exp.plus(skew), now);
    }

    private void rememberOnce(String key, Instant until, Instant now) throws Refused {
        if (seen.size() > REPLAY_CACHE_LIMIT / 2) {
            seen.values().removeIf(expiry -> expiry.isBefore(now));
            if (seen.size() >= REPLAY_CACHE_LIMIT) {
                // Failing closed: a full cache cannot tell a replay from a new token.
                LOG.warn("jti replay cache is full ({} live tokens); refusing new tokens until some expire",
                        seen.size());
                throw new Refused("replay cache full");
            }
        }
        if (seen.putIfAbsent(key, until) != null) {
            throw new Refused("jti was already used");
        }
    }

    private DefaultJWTProcessor<SecurityContext> processor(URI jwks) {
        return processors.computeIfAbsent(jwks, uri -> {
            JWKSource<SecurityContext> source;
            try {
                source = JWKSourceBuilder.<SecurityContext>create(uri.toURL(),
                                new DefaultResourceRetriever(fetchTimeoutMillis, fetchTimeoutMillis, 256 * 1024))
                        .retrying(false)
                        .build();
            } catch (MalformedURLException e) {
                throw new IllegalStateException("JWK Set URL " + uri + " is not a URL", e);
            }
            DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
            p.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, source));
            // Claims are checked by checkClaims, with the audience of the call.
            p.setJWTClaimsSetVerifier((claims, context) -> { });
            return p;
        });
    }

    /** A token that is refused; the message is for the service log and never reaches the caller. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason, null, false, false);
        }
    }
}
