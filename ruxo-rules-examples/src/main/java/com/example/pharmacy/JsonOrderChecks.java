package com.example.pharmacy;

import dev.ruxo.rules.CheckEngine;
import dev.ruxo.rules.CheckFailedException;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.InvalidRequestException;
import dev.ruxo.rules.RuxoRules;
import dev.ruxo.rules.json.WireFormat;

/** Checks orders that arrive as JSON in the wire format, and answers in JSON. */
public final class JsonOrderChecks {

    private final CheckEngine engine = RuxoRules.newEngine(); // once per application
    private final WireFormat wire = WireFormat.create();

    /**
     * Checks one request.
     *
     * @param body a check request in the wire format
     * @return the assessment, or the error object listing every bad field
     * @throws CheckFailedException when the engine fails: the order is not checked, never PROCEED
     */
    public String check(String body) {
        try {
            CheckRequest request = wire.readRequest(body); // InvalidRequestException with every bad field
            return wire.writeAssessment(engine.check(request));
        } catch (InvalidRequestException e) {
            return wire.writeError(e);
        }
    }
}
