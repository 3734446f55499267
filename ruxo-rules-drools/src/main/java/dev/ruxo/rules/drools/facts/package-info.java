/**
 * The fact model the DRL rules match: one {@link dev.ruxo.rules.drools.facts.PatientFact}, one
 * {@link dev.ruxo.rules.drools.facts.OrderFact}, a {@link dev.ruxo.rules.drools.facts.Param} per threshold, and one
 * fact per condition or medication value-set match, per co-medication and per earlier dispense. Rules report through
 * the {@link dev.ruxo.rules.drools.facts.Findings} global. Rule authors write against these types; they are derived
 * from a validated request by the engine (ages, day counts, value-set lookups), so rules only compare them with
 * parameters.
 *
 * <p>Nullness: components documented as nullable mean "not recorded"; everything else is non-null.
 */
package dev.ruxo.rules.drools.facts;
