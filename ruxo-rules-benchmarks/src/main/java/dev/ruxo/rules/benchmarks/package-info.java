/**
 * JMH benchmarks of the Drools engine against the hand-coded baseline, and the cold-start probe. Not published; see
 * {@code docs/performance.md} for the results and the commands that reproduce them.
 */
package dev.ruxo.rules.benchmarks;
