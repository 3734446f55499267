package dev.ruxo.rules.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The EHR's JWT, verified over real HTTP with keys made here and a JWK Set served from loopback. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JwtAuthenticationTest {

    private static final String SERVICE_URL = "https://cds.example.test";
    private static final String SIGN_AUD = SERVICE_URL + "/cds-services/" + CdsHooksServer.ORDER_SIGN;

    @TempDir
    static Path dir;
    private Tokens tokens;
    private TestService.Running service;
    private String request;

    @BeforeAll
    void start() {
        tokens = new Tokens();
        service = TestService.start(dir.resolve("feedback"), b -> b.serviceUrl(URI.create(SERVICE_URL))
                .addIssuer(new IssuerConfig(Tokens.ISSUER, tokens.jwksUrl(),
                        List.of(tokens.jwks.url("/other-jwks.json")))));
        request = TestService.example("order-sign-complete.json");
    }

    @AfterAll
    void stop() {
        service.close();
        tokens.close();
    }

    private HttpResponse<String> sign(String token) {
        return Http.post(service.url("/cds-services/" + CdsHooksServer.ORDER_SIGN), request, token);
    }

    private static void assertBare401(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void rs384TokenOfTheTrustedIssuerIsAccepted() {
        HttpResponse<String> response = sign(tokens.rs384(Tokens.claims(SIGN_AUD).build()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).path("cards").isArray()).isTrue();
    }

    @Test
    void es384TokenOfTheTrustedIssuerIsAccepted() {
        assertThat(sign(tokens.es384(Tokens.claims(SIGN_AUD).build())).statusCode()).isEqualTo(200);
    }

    @Test
    void theServiceBaseUrlIsAcceptedAsAudience() {
        assertThat(sign(tokens.rs384(Tokens.claims(SERVICE_URL).build())).statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongSignatureIsRefused() {
        assertBare401(sign(tokens.signedByStranger(Tokens.claims(SIGN_AUD).build())));
    }

    @Test
    void aWrongAudienceIsRefused() {
        assertBare401(sign(tokens.rs384(Tokens.claims("https://other.example.test/cds-services/x").build())));
        assertBare401(sign(tokens.rs384(Tokens.claims(SERVICE_URL + "/cds-services/"
                + CdsHooksServer.ORDER_SELECT).build())));
    }

    @Test
    void anExpiredTokenIsRefused() {
        Instant past = Instant.now().minusSeconds(600);
        assertBare401(sign(tokens.rs384(Tokens.claims(SIGN_AUD).issueTime(Date.from(past.minusSeconds(300)))
                .expirationTime(Date.from(past)).build())));
    }

    @Test
    void aTokenExpiredWithinTheClockSkewIsAccepted() {
        Instant justPast = Instant.now().minusSeconds(20);
        assertThat(sign(tokens.rs384(Tokens.claims(SIGN_AUD).issueTime(Date.from(justPast.minusSeconds(300)))
                .expirationTime(Date.from(justPast)).build())).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenIssuedInTheFutureIsRefused() {
        Instant later = Instant.now().plusSeconds(600);
        assertBare401(sign(tokens.rs384(Tokens.claims(SIGN_AUD).issueTime(Date.from(later))
                .expirationTime(Date.from(later.plusSeconds(300))).build())));
    }

    @Test
    void aTokenLivingLongerThanAnHourIsRefused() {
        assertBare401(sign(tokens.rs384(Tokens.claims(SIGN_AUD)
                .expirationTime(Date.from(Instant.now().plusSeconds(7200))).build())));
    }

    @Test
    void aReplayedJtiIsRefused() {
        String token = tokens.rs384(Tokens.claims(SIGN_AUD).build());

        assertThat(sign(token).statusCode()).isEqualTo(200);
        assertBare401(sign(token));
    }

    @Test
    void aTokenWithoutJtiIsRefused() {
        assertBare401(sign(tokens.rs384(Tokens.claims(SIGN_AUD).jwtID(null).build())));
    }

    @Test
    void algNoneIsRefused() {
        assertBare401(sign(Tokens.unsigned(Tokens.claims(SIGN_AUD).build())));
    }

    @Test
    void hmacIsRefused() {
        assertBare401(sign(Tokens.hs384(Tokens.claims(SIGN_AUD).build(), new byte[48])));
    }

    @Test
    void rs256IsRefused() {
        assertBare401(sign(tokens.withHeader(h -> new com.nimbusds.jose.JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID("rsa-1").type(JOSEObjectType.JWT), Tokens.claims(SIGN_AUD).build(), tokens.rsa)));
    }

    @Test
    void anUnknownIssuerIsRefused() {
        assertBare401(sign(tokens.rs384(Tokens.claims(SIGN_AUD).issuer("https://intruder.example.test").build())));
    }

    @Test
    void aMissingOrMalformedAuthorizationIsRefused() {
        assertBare401(Http.post(service.url("/cds-services/" + CdsHooksServer.ORDER_SIGN), request));
        assertBare401(sign("not-a-jwt"));
    }

    @Test
    void aJkuOutsideTheIssuersAllowListIsRefused() {
        URI elsewhere = URI.create("https://keys.intruder.example.test/jwks.json");
        assertBare401(sign(tokens.withHeader(h -> h.jwkURL(elsewhere), Tokens.claims(SIGN_AUD).build(),
                tokens.rsa)));
    }

    @Test
    void anAllowListedJkuNamesTheKeysToUse() {
        URI other = tokens.jwks.url("/other-jwks.json");

        assertThat(sign(tokens.withHeader(h -> h.jwkURL(other), Tokens.claims(SIGN_AUD).build(),
                tokens.stranger)).statusCode()).isEqualTo(200);
        // the issuer's own keys are not in the key set the jku names
        assertBare401(sign(tokens.withHeader(h -> h.jwkURL(other), Tokens.claims(SIGN_AUD).build(), tokens.rsa)));
    }

    @Test
    void discoveryStaysOpenWithoutAToken() {
        assertThat(Http.get(service.url("/cds-services")).statusCode()).isEqualTo(200);
    }

    @Test
    void feedbackAndTheReportNeedAToken() {
        String feedback = "{\"feedback\":[{\"card\":\"x\",\"outcome\":\"accepted\"}]}";
        assertBare401(Http.post(service.url("/cds-services/" + CdsHooksServer.ORDER_SIGN + "/feedback"), feedback));
        assertBare401(Http.get(service.url("/feedback/summary")));
        assertThat(Http.get(service.url("/feedback/summary"), tokens.rs384(Tokens.claims(SERVICE_URL).build()))
                .statusCode()).isEqualTo(200);
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WithATenantAllowList {

        @TempDir
        static Path tenantDir;
        private TestService.Running tenantService;

        @BeforeAll
        void start() {
            tenantService = TestService.start(tenantDir.resolve("feedback"), b -> b.serviceUrl(URI.create(SERVICE_URL))
                    .addIssuer(tokens.issuer()).addTenant("clinic-a"));
        }

        @AfterAll
        void stop() {
            tenantService.close();
        }

        private HttpResponse<String> call(JWTClaimsSet claims) {
            return Http.post(tenantService.url("/cds-services/" + CdsHooksServer.ORDER_SIGN), request,
                    tokens.rs384(claims));
        }

        @Test
        void anAllowListedTenantIsAccepted() {
            assertThat(call(Tokens.claims(SIGN_AUD).claim("tenant", "clinic-a").build()).statusCode()).isEqualTo(200);
        }

        @Test
        void anotherTenantOrNoneIsRefused() {
            assertBare401(call(Tokens.claims(SIGN_AUD).claim("tenant", "clinic-b").build()));
            assertBare401(call(Tokens.claims(SIGN_AUD).build()));
        }
    }

    @Nested
    class WithoutATrustedIssuer {

        @TempDir
        Path emptyDir;

        @Test
        void theServiceStartsSaysSoAndRefusesEveryHookCall() {
            try (TestService.Running open = TestService.start(emptyDir.resolve("feedback"),
                    b -> b.serviceUrl(URI.create(SERVICE_URL)))) {
                assertThat(open.notices()).anySatisfy(n -> assertThat(n).contains("every hook call will be refused"));
                assertThat(Http.get(open.url("/cds-services")).statusCode()).isEqualTo(200);
                assertBare401(Http.post(open.url("/cds-services/" + CdsHooksServer.ORDER_SIGN), request,
                        tokens.rs384(Tokens.claims(SIGN_AUD).build())));
                assertBare401(Http.post(open.url("/cds-services/" + CdsHooksServer.ORDER_SELECT), request));
            }
        }
    }
}
