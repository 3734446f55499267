package dev.ruxo.rules.cdshooks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** An EHR's signing keys, made in the test, with its JWK Set served from a loopback endpoint. */
final class Tokens implements AutoCloseable {

    static final String ISSUER = "https://ehr.example.test";

    final RSAKey rsa;
    final ECKey ec;
    final RSAKey stranger;
    final LoopbackHttpServer jwks = new LoopbackHttpServer();

    Tokens() {
        try {
            rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
            ec = new ECKeyGenerator(Curve.P_384).keyID("ec-1").generate();
            stranger = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        jwks.answer("/jwks.json", new JWKSet(java.util.List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString());
        jwks.answer("/other-jwks.json", new JWKSet(stranger.toPublicJWK()).toString());
    }

    URI jwksUrl() {
        return jwks.url("/jwks.json");
    }

    IssuerConfig issuer() {
        return IssuerConfig.of(ISSUER, jwksUrl());
    }

    /** Claims as an EHR sends them for a call to {@code audience}, fresh, with a new jti. */
    static JWTClaimsSet.Builder claims(String audience) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(audience)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString());
    }

    String rs384(JWTClaimsSet claims) {
        return sign(new JWSHeader.Builder(JWSAlgorithm.RS384).keyID("rsa-1").type(JOSEObjectType.JWT).build(),
                claims, rsa);
    }

    String es384(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES384).keyID("ec-1")
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new ECDSASigner(ec));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    String signedByStranger(JWTClaimsSet claims) {
        return sign(new JWSHeader.Builder(JWSAlgorithm.RS384).keyID("rsa-1").type(JOSEObjectType.JWT).build(),
                claims, stranger);
    }

    String withHeader(UnaryOperator<JWSHeader.Builder> header, JWTClaimsSet claims, RSAKey key) {
        return sign(header.apply(new JWSHeader.Builder(JWSAlgorithm.RS384).keyID("rsa-1")
                .type(JOSEObjectType.JWT)).build(), claims, key);
    }

    static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    static String hs384(JWTClaimsSet claims, byte[] secret) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS384).type(JOSEObjectType.JWT).build(),
                    claims);
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(JWSHeader header, JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        jwks.close();
    }
}
