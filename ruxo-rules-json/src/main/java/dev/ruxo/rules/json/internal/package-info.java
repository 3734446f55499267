/**
 * Implementation of the wire format: the Jackson configuration, the tree reader and the writers. Not API: this
 * package is not exported and may change in any release without notice; use {@link dev.ruxo.rules.json.WireFormat}.
 */
package dev.ruxo.rules.json.internal;
