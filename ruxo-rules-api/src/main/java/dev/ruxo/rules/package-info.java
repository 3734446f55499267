/**
 * Checks an order for ruxolitinib cream 1.5% (Opzelura) against its label: build a {@link dev.ruxo.rules.CheckRequest},
 * pass it to a {@link dev.ruxo.rules.CheckEngine}, read the {@link dev.ruxo.rules.Assessment}. The types mirror the JSON
 * wire format one to one; every type is immutable and safe to share between threads.
 *
 * <p>Nullness: parameters and return values are non-null unless documented otherwise. Record components that the wire
 * format marks optional are nullable, and {@code null} means "not recorded", never "false" or "zero".
 */
package dev.ruxo.rules;
