/**
 * The hand-coded plain-Java implementation of the clinical policy: the lower bound for the benchmarks and the second
 * opinion for the differential test.
 */
package dev.ruxo.rules.benchmarks.baseline;
