/**
 * Test support for code that uses ruxo-rules: {@link dev.ruxo.rules.testkit.CheckRequests} builds valid requests with
 * sensible defaults, {@link dev.ruxo.rules.testkit.RuxoAssertions} asserts on assessments with messages that print the
 * findings, {@link dev.ruxo.rules.testkit.Generators} makes QuickTheories sources for property tests, and
 * {@link dev.ruxo.rules.testkit.Scenarios} turns a folder of JSON scenario files into JUnit 5 dynamic tests.
 *
 * <p>Nullness: non-null unless documented otherwise.
 */
package dev.ruxo.rules.testkit;
