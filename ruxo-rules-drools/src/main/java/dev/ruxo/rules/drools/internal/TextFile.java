package dev.ruxo.rules.drools.internal;

/**
 * One file of a knowledge base.
 *
 * @param name    its name in messages: relative to the built-in root, or the path as given for a rules folder
 * @param content its text
 */
public record TextFile(String name, String content) {
}
