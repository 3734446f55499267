package dev.ruxo.rules.testkit;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.Category;
import dev.ruxo.rules.CheckEngine;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.Decision;
import dev.ruxo.rules.Finding;
import dev.ruxo.rules.InvalidRequestException;
import dev.ruxo.rules.Severity;
import dev.ruxo.rules.Violation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One end-to-end case from a scenario file: a request (JSON wire format) and what the engine must answer. See
 * {@link Scenarios} for the file format.
 *
 * @param name        the file name without {@code .json}
 * @param file        the file
 * @param description what the case is about; nullable
 * @param request     reads the request; throws {@link InvalidRequestException} when it is invalid
 * @param expected    the expectation
 * @since 0.1.0
 */
public record Scenario(String name, Path file, String description, Supplier<CheckRequest> request,
                       Expectation expected) {

    /**
     * What the engine must answer. Either {@code invalidFields} is non-empty (the request must be rejected with
     * violations on exactly those fields) or {@code decision} is set.
     *
     * @param decision          the decision; null for an invalid request
     * @param findings          findings that must be present, one entry per expected finding
     * @param onlyListed        when true, no finding may be present beyond those listed
     * @param absentRuleIds     rules that must not fire
     * @param invalidFields     the violation fields of an invalid request, in any order
     */
    public record Expectation(Decision decision, List<ExpectedFinding> findings, boolean onlyListed,
                              List<String> absentRuleIds, List<String> invalidFields) {

        /**
         * Copies the lists.
         *
         * @param decision      the decision; null for an invalid request
         * @param findings      findings that must be present, one entry per expected finding
         * @param onlyListed    when true, no finding may be present beyond those listed
         * @param absentRuleIds rules that must not fire
         * @param invalidFields the violation fields of an invalid request, in any order
         */
        public Expectation {
            findings = List.copyOf(findings);
            absentRuleIds = List.copyOf(absentRuleIds);
            invalidFields = List.copyOf(invalidFields);
        }
    }

    /**
     * A finding the engine must produce; null components match anything.
     *
     * @param ruleId   the rule id
     * @param category the category; nullable
     * @param severity the severity; nullable
     */
    public record ExpectedFinding(String ruleId, Category category, Severity severity) {

        boolean matches(Finding f) {
            return f.ruleId().equals(ruleId) && (category == null || category == f.category())
                    && (severity == null || severity == f.severity());
        }

        @Override
        public String toString() {
            return ruleId + (category == null ? "" : " " + category) + (severity == null ? "" : " " + severity);
        }
    }

    /**
     * Runs the scenario and lists every way the answer differs from the expectation.
     *
     * @param engine the engine
     * @return the mismatches; empty when the scenario passes
     */
    public List<String> mismatches(CheckEngine engine) {
        Objects.requireNonNull(engine, "engine must not be null");
        List<String> problems = new ArrayList<>();
        Assessment assessment;
        try {
            assessment = engine.check(request.get());
        } catch (InvalidRequestException e) {
            List<String> fields = e.violations().stream().map(Violation::field).sorted().toList();
            if (expected.invalidFields().isEmpty()) {
                problems.add("expected an assessment but the request was rejected: " + e.violations());
            } else if (!fields.equals(expected.invalidFields().stream().sorted().toList())) {
                problems.add("expected violations on " + expected.invalidFields() + " but got " + e.violations());
            }
            return problems;
        }
        if (!expected.invalidFields().isEmpty()) {
            problems.add("expected the request to be rejected on " + expected.invalidFields()
                    + " but it was assessed: " + AssessmentAssert.describe(assessment));
            return problems;
        }
        if (assessment.decision() != expected.decision()) {
            problems.add("expected decision " + expected.decision() + " but was " + assessment.decision());
        }
        List<Finding> unmatched = new ArrayList<>(assessment.findings());
        for (ExpectedFinding want : expected.findings()) {
            Finding hit = unmatched.stream().filter(want::matches).findFirst().orElse(null);
            if (hit == null) {
                problems.add("missing finding " + want);
            } else {
                unmatched.remove(hit);
            }
        }
        if (expected.onlyListed() && !unmatched.isEmpty()) {
            Map<String, Integer> extra = new HashMap<>();
            unmatched.forEach(f -> extra.merge(f.ruleId() + " " + f.severity(), 1, Integer::sum));
            problems.add("unexpected findings " + extra.keySet().stream().sorted().toList());
        }
        for (String absent : expected.absentRuleIds()) {
            if (assessment.findings().stream().anyMatch(f -> f.ruleId().equals(absent))) {
                problems.add("rule " + absent + " must not fire but did");
            }
        }
        if (!problems.isEmpty()) {
            problems.add(AssessmentAssert.describe(assessment));
        }
        return problems;
    }
}
