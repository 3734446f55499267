/**
 * Checks an order for ruxolitinib cream 1.5% (Opzelura) against its label: build a {@link dev.ruxo.rules.CheckRequest},
 * pass it to a {@link dev.ruxo.rules.CheckEngine}, read the {@link dev.ruxo.rules.Assessment}. The types mirror the
 * JSON wire format one to one; every type is immutable and safe to share between threads.
 *
 * <p>Nullness is marked with JSpecify: the package is {@code @NullMarked}, so every type is non-null unless it carries
 * {@code @Nullable}. The request records hold whatever they are given, so that a request read from JSON can be
 * reported with every violation at once: their components are {@code @Nullable}, and {@code null} means "not
 * recorded", never "false" or "zero"; validation says which are required. Lists are never null. The annotations are
 * needed only to compile against them: the API has no runtime dependency.
 */
@NullMarked
package dev.ruxo.rules;

import org.jspecify.annotations.NullMarked;
