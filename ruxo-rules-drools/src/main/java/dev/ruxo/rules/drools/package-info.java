/**
 * The Drools implementation of {@link dev.ruxo.rules.CheckEngine}: build a {@link dev.ruxo.rules.drools.DroolsCheckEngine}
 * directly with its builder, or let {@link dev.ruxo.rules.RuxoRules#newEngine()} find it through
 * {@link java.util.ServiceLoader}.
 *
 * <p>Nullness: non-null unless documented otherwise.
 */
package dev.ruxo.rules.drools;
