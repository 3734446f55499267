package dev.ruxo.rules;

import org.jspecify.annotations.Nullable;

/**
 * Where a finding comes from.
 *
 * @param label    the document, such as "Opzelura US Prescribing Information"
 * @param section  the section of the label, such as "2.1", or "policy" for a product-owner decision
 * @param revision the label revision, such as "2025-09"
 * @param url      where to read it; nullable
 * @param verified false when the finding rests on a fact the knowledge base marks unverified
 * @since 0.1.0
 */
public record Source(String label, String section, String revision, @Nullable String url, boolean verified) {
}
