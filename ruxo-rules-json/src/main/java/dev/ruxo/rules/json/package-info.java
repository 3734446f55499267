/**
 * The JSON wire format, version 1: {@link dev.ruxo.rules.json.WireFormat} reads a check request into the API records,
 * reporting every malformed field as a {@link dev.ruxo.rules.Violation} with its wire-format path, and writes
 * assessments, request-error objects and requests back as compact JSON.
 *
 * <p>Nullness: parameters and return values are non-null unless documented otherwise.
 */
package dev.ruxo.rules.json;
