package dev.ruxo.rules.cli;

import dev.ruxo.rules.CheckEngine;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * What a command works with, passed in rather than taken from {@link System} so that tests can run commands in
 * process.
 *
 * @param in      standard input, for the file name {@code -}
 * @param out     results
 * @param err     usage and failure messages
 * @param engines builds the engine; called at most once per command
 */
record Environment(InputStream in, PrintStream out, PrintStream err, Supplier<CheckEngine> engines) {
}
