/**
 * The {@code ruxo-rules} command-line tool: {@link dev.ruxo.rules.cli.Main} dispatches to one command per verb
 * ({@code check} today). Everything but {@code Main} is package-private; the tool's interface is its command line,
 * its output formats and its exit status, documented in {@code docs/wire-format.md} and by {@code --help}.
 *
 * <p>Nullness: non-null unless documented otherwise.
 */
package dev.ruxo.rules.cli;
