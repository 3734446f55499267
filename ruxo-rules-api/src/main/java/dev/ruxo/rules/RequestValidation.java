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

    /** The oldest plausible age: an age above it, from either field, is a placeholder or a typing error. */
    public static final int MAX_AGE_YEARS = 130;
    /** Every number must be below this: no dose, area, amount or day count comes near it. */
    public static final BigDecimal MAX_MAGNITUDE = BigDecimal.TEN.pow(9);
    /** The most decimal places a number may have. */
    public static final int MAX_DECIMAL_PLACES = 30;
    /** The longest text value (a code, a display text, a route), in characters; the JSON reader has the same limit. */
    public static final int MAX_TEXT_LENGTH = 64 * 1024;
    /** The earliest and latest years a date may have: what the wire format's yyyy-MM-dd can express. */
    public static final int MIN_YEAR = 0;
    /** See {@link #MIN_YEAR}. */
    public static final int MAX_YEAR = 9999;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Pattern NDC_10 = Pattern.compile("\\d{4}-\\d{4}-\\d{2}|\\d{5}-\\d{3}-\\d{2}|\\d{5}-\\d{4}-\\d");
    private static final Pattern NDC_11 = Pattern.compile("\\d{11}|\\d{5}-\\d{4}-\\d{2}");

    private RequestValidation() {
    }

    /**
     * The most entries a request's lists may hold. A longer list is a violation, not a slow check: a million
     * co-medications once took 3.5 GB of heap. The defaults ({@value #DEFAULT_MAX_LIST_SIZE} each) are far above any
     * real problem or medication list; an engine can be given others.
     *
     * @param maxMedications most co-medications
     * @param maxConditions  most problem-list entries
     * @param maxDispenses   most earlier dispenses
     * @param maxUnknownFields most unknown fields reported (a document with more is rejected)
     * @since 0.1.0
     */
    public record Limits(int maxMedications, int maxConditions, int maxDispenses, int maxUnknownFields) {

        /** The default for each list. */
        public static final int DEFAULT_MAX_LIST_SIZE = 1000;

        /**
         * Checks every limit is positive.
         *
         * @param maxMedications most co-medications
         * @param maxConditions  most problem-list entries
         * @param maxDispenses   most earlier dispenses
         * @param maxUnknownFields most unknown fields reported (a document with more is rejected)
         */
        public Limits {
            if (maxMedications < 1 || maxConditions < 1 || maxDispenses < 1 || maxUnknownFields < 1) {
                throw new IllegalArgumentException("every limit must be at least 1");
            }
        }

        /**
         * The defaults: {@value #DEFAULT_MAX_LIST_SIZE} entries for each list, 100 unknown fields.
         *
         * @return the default limits
         */
        public static Limits defaults() {
            return new Limits(DEFAULT_MAX_LIST_SIZE, DEFAULT_MAX_LIST_SIZE, DEFAULT_MAX_LIST_SIZE, 100);
        }
    }

    /**
     * Lists every violation in {@code request}, with the default {@link Limits}.
     *
     * @param request the request
     * @param today   the evaluation date to use when the request has no {@code asOf}; nullable: then, for a request
     *                without {@code asOf}, the checks that need an evaluation date are left to the engine
     * @return the violations in field order; empty when the request is valid
     */
    public static List<Violation> violations(@Nullable CheckRequest request, @Nullable LocalDate today) {
        return violations(request, today, Limits.defaults());
    }

    /**
     * Lists every violation in {@code request}.
     *
     * @param request the request
     * @param today   the evaluation date to use when the request has no {@code asOf}; nullable, as in
     *                {@link #violations(CheckRequest, LocalDate)}
     * @param limits  the most entries each list may hold
     * @return the violations in field order; empty when the request is valid
     */
    public static List<Violation> violations(@Nullable CheckRequest request, @Nullable LocalDate today,
            Limits limits) {
        List<Violation> out = new ArrayList<>();
        if (request == null) {
            out.add(new Violation("$", "request is required"));
            return out;
        }
        LocalDate asOf = request.asOf() != null ? request.asOf() : today;
        date("asOf", request.asOf(), out);
        patient(request.patient(), asOf, limits, out);
        order(request.order(), out);
        if (size("medications", request.medications().size(), limits.maxMedications(), out)) {
            for (int i = 0; i < request.medications().size(); i++) {
                medication("medications[" + i + "]", request.medications().get(i), out);
            }
        }
        if (size("dispenses", request.dispenses().size(), limits.maxDispenses(), out)) {
            for (int i = 0; i < request.dispenses().size(); i++) {
                dispense("dispenses[" + i + "]", request.dispenses().get(i), out);
            }
        }
        if (request.unknownFields().size() > limits.maxUnknownFields()) {
            out.add(new Violation("$", "has " + request.unknownFields().size()
                    + " fields the wire format does not know; at most " + limits.maxUnknownFields() + " are reported"));
        }
        return out;
    }

    /**
     * Throws when {@code request} has any violation, with the default {@link Limits}.
     *
     * @param request the request
     * @param today   the evaluation date to use when the request has no {@code asOf}; nullable, as in
     *                {@link #violations(CheckRequest, LocalDate)}
     * @throws InvalidRequestException listing every violation
     */
    public static void requireValid(@Nullable CheckRequest request, @Nullable LocalDate today) {
        requireValid(request, today, Limits.defaults());
    }

    /**
     * Throws when {@code request} has any violation.
     *
     * @param request the request
     * @param today   the evaluation date to use when the request has no {@code asOf}; nullable, as in
     *                {@link #violations(CheckRequest, LocalDate)}
     * @param limits  the most entries each list may hold
     * @throws InvalidRequestException listing every violation
     */
    public static void requireValid(@Nullable CheckRequest request, @Nullable LocalDate today, Limits limits) {
        List<Violation> found = violations(request, today, limits);
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

    private static void patient(Patient patient, LocalDate asOf, Limits limits, List<Violation> out) {
        if (patient == null) {
            out.add(new Violation("patient", "is required"));
            return;
        }
        if (patient.birthDate() == null && patient.ageYears() == null) {
            out.add(new Violation("patient.birthDate", "either patient.birthDate or patient.ageYears is required"));
        }
        if (date("patient.birthDate", patient.birthDate(), out) && asOf != null && dateInRange(asOf)) {
            if (patient.birthDate().isAfter(asOf)) {
                out.add(new Violation("patient.birthDate",
                        "is " + patient.birthDate() + ", after the evaluation date " + asOf));
            } else if (java.time.Period.between(patient.birthDate(), asOf).getYears() > MAX_AGE_YEARS) {
                // A placeholder such as 0001-01-01 must not be assessed as a very old patient.
                out.add(new Violation("patient.birthDate", "is " + patient.birthDate() + ": an age over "
                        + MAX_AGE_YEARS + " years at the evaluation date " + asOf + " is not plausible"));
            }
        }
        if (patient.ageYears() != null && (patient.ageYears() < 0 || patient.ageYears() > MAX_AGE_YEARS)) {
            out.add(new Violation("patient.ageYears",
                    "must be between 0 and " + MAX_AGE_YEARS + ", was " + patient.ageYears()));
        }
        if (size("patient.conditions", patient.conditions().size(), limits.maxConditions(), out)) {
            for (int i = 0; i < patient.conditions().size(); i++) {
                coding("patient.conditions[" + i + "]", patient.conditions().get(i), out);
            }
        }
    }

    /** Whether a list is within its limit; records a violation when it is not. */
    private static boolean size(String path, int size, int max, List<Violation> out) {
        if (size > max) {
            out.add(new Violation(path, "has " + size + " entries, more than the " + max + " allowed"));
            return false;
        }
        return true;
    }

    private static boolean dateInRange(LocalDate date) {
        return date.getYear() >= MIN_YEAR && date.getYear() <= MAX_YEAR;
    }

    /** Whether a date is present and within the years the wire format can express; records a violation if not. */
    private static boolean date(String path, LocalDate date, List<Violation> out) {
        if (date == null) {
            return false;
        }
        if (!dateInRange(date)) {
            out.add(new Violation(path, "must be a date in the years " + MIN_YEAR + " to " + MAX_YEAR + ", was "
                    + date));
            return false;
        }
        return true;
    }

    /** A decimal must be below {@link #MAX_MAGNITUDE} with at most {@link #MAX_DECIMAL_PLACES} places. */
    private static boolean decimal(String path, BigDecimal value, List<Violation> out) {
        if (value == null) {
            return false;
        }
        if (value.abs().compareTo(MAX_MAGNITUDE) >= 0 || value.scale() > MAX_DECIMAL_PLACES) {
            out.add(new Violation(path, "must be a number below " + MAX_MAGNITUDE.toPlainString() + " with at most "
                    + MAX_DECIMAL_PLACES + " decimal places, was " + quoteNumber(value)));
            return false;
        }
        return true;
    }

    /** Scientific notation keeps 1E+999999999 short; the text is cut like any echoed value. */
    private static String quoteNumber(BigDecimal value) {
        return SafeText.cut(value.toString(), SafeText.QUOTED_LENGTH);
    }

    private static void text(String path, String value, List<Violation> out) {
        if (value != null && value.length() > MAX_TEXT_LENGTH) {
            out.add(new Violation(path, "is " + value.length() + " characters long, more than the "
                    + MAX_TEXT_LENGTH + " allowed"));
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
        if (decimal("order.bsaPercent", bsa, out) && (bsa.signum() <= 0 || bsa.compareTo(HUNDRED) > 0)) {
            out.add(new Violation("order.bsaPercent",
                    "must be greater than 0 and at most 100, was " + quoteNumber(bsa)));
        }
        if (decimal("order.quantityGrams", order.quantityGrams(), out) && order.quantityGrams().signum() <= 0) {
            out.add(new Violation("order.quantityGrams",
                    "must be greater than 0, was " + quoteNumber(order.quantityGrams())));
        }
        positive("order.daysSupply", order.daysSupply(), out);
        positive("order.applicationsPerDay", order.applicationsPerDay(), out);
        text("order.route", order.route(), out);
        if (order.route() != null && order.route().isBlank()) {
            out.add(new Violation("order.route", "must not be blank; leave it out for topical"));
        }
        date("order.therapyStartDate", order.therapyStartDate(), out);
        if (order.ndc() != null && !isWellFormedNdc(order.ndc())) {
            out.add(new Violation("order.ndc",
                    "must be a 10-digit NDC with hyphens (such as 50881-007-05) or 11 digits, was "
                            + SafeText.quote(order.ndc())));
        }
    }

    private static void medication(String path, Medication medication, List<Violation> out) {
        if (medication == null) {
            out.add(new Violation(path, "must not be null"));
            return;
        }
        text(path + ".system", medication.system(), out);
        text(path + ".code", medication.code(), out);
        text(path + ".display", medication.display(), out);
        text(path + ".route", medication.route(), out);
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
        date(path + ".date", dispense.date(), out);
        if (decimal(path + ".quantityGrams", dispense.quantityGrams(), out) && dispense.quantityGrams().signum() <= 0) {
            out.add(new Violation(path + ".quantityGrams",
                    "must be greater than 0, was " + quoteNumber(dispense.quantityGrams())));
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
        text(path + ".system", coding.system(), out);
        text(path + ".code", coding.code(), out);
        text(path + ".display", coding.display(), out);
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
        } else if (value != null && MAX_MAGNITUDE.compareTo(BigDecimal.valueOf(value)) <= 0) {
            out.add(new Violation(path, "must be a whole number below " + MAX_MAGNITUDE.toPlainString() + ", was "
                    + value));
        }
    }
}
