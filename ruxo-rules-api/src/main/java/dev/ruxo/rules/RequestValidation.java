package dev.ruxo.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The structural rules a request must meet before it is assessed (policy: "a structurally invalid request is
 * rejected, not assessed"). Every violation is collected, so one round trip tells the caller everything to fix.
 *
 * @since 0.1.0
 */
public final class RequestValidation {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int MAX_AGE_YEARS = 150;
    private static final Pattern NDC_10 = Pattern.compile("\\d{4}-\\d{4}-\\d{2}|\\d{5}-\\d{3}-\\d{2}|\\d{5}-\\d{4}-\\d");
    private static final Pattern NDC_11 = Pattern.compile("\\d{11}|\\d{5}-\\d{4}-\\d{2}");

    private RequestValidation() {
    }

    /**
     * Lists every violation in {@code request}.
     *
     * @param request the request
     * @param today   the evaluation date to use when the request has no {@code asOf}; nullable: then, for a request
     *                without {@code asOf}, the checks that need an evaluation date are left to the engine
     * @return the violations in field order; empty when the request is valid
     */
    public static List<Violation> violations(@Nullable CheckRequest request, @Nullable LocalDate today) {
        List<Violation> out = new ArrayList<>();
        if (request == null) {
            out.add(new Violation("$", "request is required"));
            return out;
        }
        LocalDate asOf = request.asOf() != null ? request.asOf() : today;
        patient(request.patient(), asOf, out);
        order(request.order(), out);
        for (int i = 0; i < request.medications().size(); i++) {
            medication("medications[" + i + "]", request.medications().get(i), out);
        }
        for (int i = 0; i < request.dispenses().size(); i++) {
            dispense("dispenses[" + i + "]", request.dispenses().get(i), out);
        }
        return out;
    }

    /**
     * Throws when {@code request} has any violation.
     *
     * @param request the request
     * @param today   the evaluation date to use when the request has no {@code asOf}; nullable, as in
     *                {@link #violations(CheckRequest, LocalDate)}
     * @throws InvalidRequestException listing every violation
     */
    public static void requireValid(@Nullable CheckRequest request, @Nullable LocalDate today) {
        List<Violation> found = violations(request, today);
        if (!found.isEmpty()) {
            throw new InvalidRequestException(found);
        }
    }

    /**
     * Whether {@code ndc} is a package NDC in the 10-digit hyphenated (4-4-2, 5-3-2, 5-4-1) or 11-digit form.
     *
     * @param ndc the text
     * @return true when it is well formed
     */
    public static boolean isWellFormedNdc(String ndc) {
        return ndc != null && (NDC_10.matcher(ndc).matches() || NDC_11.matcher(ndc).matches());
    }

    private static void patient(Patient patient, LocalDate asOf, List<Violation> out) {
        if (patient == null) {
            out.add(new Violation("patient", "is required"));
            return;
        }
        if (patient.birthDate() == null && patient.ageYears() == null) {
            out.add(new Violation("patient.birthDate", "either patient.birthDate or patient.ageYears is required"));
        }
        if (asOf != null && patient.birthDate() != null && patient.birthDate().isAfter(asOf)) {
            out.add(new Violation("patient.birthDate",
                    "is " + patient.birthDate() + ", after the evaluation date " + asOf));
        }
        if (patient.ageYears() != null && (patient.ageYears() < 0 || patient.ageYears() > MAX_AGE_YEARS)) {
            out.add(new Violation("patient.ageYears",
                    "must be between 0 and " + MAX_AGE_YEARS + ", was " + patient.ageYears()));
        }
        for (int i = 0; i < patient.conditions().size(); i++) {
            coding("patient.conditions[" + i + "]", patient.conditions().get(i), out);
        }
    }

    private static void order(Order order, List<Violation> out) {
        if (order == null) {
            out.add(new Violation("order", "is required"));
            return;
        }
        if (order.indication() == null) {
            out.add(new Violation("order.indication", "is required: the coded diagnosis the cream is ordered for"));
        } else {
            coding("order.indication", order.indication(), out);
        }
        BigDecimal bsa = order.bsaPercent();
        if (bsa != null && (bsa.signum() <= 0 || bsa.compareTo(HUNDRED) > 0)) {
            out.add(new Violation("order.bsaPercent",
                    "must be greater than 0 and at most 100, was " + bsa.toPlainString()));
        }
        if (order.quantityGrams() != null && order.quantityGrams().signum() <= 0) {
            out.add(new Violation("order.quantityGrams",
                    "must be greater than 0, was " + order.quantityGrams().toPlainString()));
        }
        positive("order.daysSupply", order.daysSupply(), out);
        positive("order.applicationsPerDay", order.applicationsPerDay(), out);
        if (order.route() != null && order.route().isBlank()) {
            out.add(new Violation("order.route", "must not be blank; leave it out for topical"));
        }
        if (order.ndc() != null && !isWellFormedNdc(order.ndc())) {
            out.add(new Violation("order.ndc",
                    "must be a 10-digit NDC with hyphens (such as 50881-007-05) or 11 digits, was \""
                            + order.ndc() + "\""));
        }
    }

    private static void medication(String path, Medication medication, List<Violation> out) {
        if (medication == null) {
            out.add(new Violation(path, "must not be null"));
            return;
        }
        boolean hasCode = medication.code() != null && !medication.code().isBlank();
        boolean hasDisplay = medication.display() != null && !medication.display().isBlank();
        if (!hasCode && !hasDisplay) {
            out.add(new Violation(path, "needs a code or a display text"));
        }
        if (hasCode && (medication.system() == null || medication.system().isBlank())) {
            out.add(new Violation(path + ".system", "is required with a code"));
        }
        if (medication.route() != null && medication.route().isBlank()) {
            out.add(new Violation(path + ".route", "must not be blank; leave it out when unknown"));
        }
    }

    private static void dispense(String path, Dispense dispense, List<Violation> out) {
        if (dispense == null) {
            out.add(new Violation(path, "must not be null"));
            return;
        }
        if (dispense.date() == null) {
            out.add(new Violation(path + ".date", "is required"));
        }
        if (dispense.quantityGrams() != null && dispense.quantityGrams().signum() <= 0) {
            out.add(new Violation(path + ".quantityGrams",
                    "must be greater than 0, was " + dispense.quantityGrams().toPlainString()));
        }
        if (dispense.daysSupply() == null) {
            out.add(new Violation(path + ".daysSupply", "is required"));
        } else {
            positive(path + ".daysSupply", dispense.daysSupply(), out);
        }
    }

    private static void coding(String path, Coding coding, List<Violation> out) {
        if (coding == null) {
            out.add(new Violation(path, "must not be null"));
            return;
        }
        if (coding.system() == null || coding.system().isBlank()) {
            out.add(new Violation(path + ".system", "is required (a code-system URI)"));
        }
        if (coding.code() == null || coding.code().isBlank()) {
            out.add(new Violation(path + ".code", "is required"));
        }
    }

    private static void positive(String path, Integer value, List<Violation> out) {
        if (value != null && value <= 0) {
            out.add(new Violation(path, "must be greater than 0, was " + value));
        }
    }
}
