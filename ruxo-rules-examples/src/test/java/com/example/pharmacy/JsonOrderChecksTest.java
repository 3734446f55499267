package com.example.pharmacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The JSON example of docs/integrating.md answers in the wire format. */
class JsonOrderChecksTest {

    private static final JsonOrderChecks CHECKS = new JsonOrderChecks();

    @Test
    void anExampleOrderGetsAnAssessment() throws IOException {
        String json = CHECKS.check(Files.readString(Path.of("..", "examples", "vitiligo-bsa-too-large.json")));
        assertThat(json).startsWith("{\"decision\":\"STOP\"").contains("\"wireFormatVersion\":1");
    }

    @Test
    void anInvalidOrderGetsTheErrorObject() {
        assertThat(CHECKS.check("{\"patient\":{}}")).startsWith("{\"error\":\"INVALID_REQUEST\"")
                .contains("\"field\":\"order\"");
    }
}
