/**
 * Implementation details of the Drools engine: knowledge-base loading, data files, fact building. Not API: anything
 * here may change in any release.
 */
package dev.ruxo.rules.drools.internal;
