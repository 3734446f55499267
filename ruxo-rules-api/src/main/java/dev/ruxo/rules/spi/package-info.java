/**
 * The service-provider interface: an engine implementation registers a {@link dev.ruxo.rules.spi.CheckEngineProvider}
 * so that {@link dev.ruxo.rules.RuxoRules#newEngine()} finds it. Applications do not use this package.
 *
 * <p>Nullness: non-null unless documented otherwise.
 */
package dev.ruxo.rules.spi;
