package dev.ruxo.rules.drools.facts;

/**
 * Fields of the JSON request that the wire format does not know; present only when there is at least one.
 *
 * @param count  how many there are
 * @param fields each by its path, with the known name it probably stands for, comma-separated
 */
public record UnknownFieldsFact(int count, String fields) {
}
