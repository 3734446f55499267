/**
 * FHIR R4 in, CDS Hooks cards out: {@link dev.ruxo.rules.fhir.CdsHooksReader} reads a CDS Hooks request,
 * {@link dev.ruxo.rules.fhir.FhirCheckMapper} maps its HAPI FHIR R4 resources to a {@link dev.ruxo.rules.CheckRequest},
 * and {@link dev.ruxo.rules.fhir.CdsCards} turns the assessment into CDS Hooks 2.0 cards.
 * {@link dev.ruxo.rules.fhir.CdsHooksChecker} runs the three in a row. See docs/fhir.md for the mapping table.
 */
package dev.ruxo.rules.fhir;
