package dev.ruxo.rules;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The request is structurally invalid and was not assessed. It carries every violation, field by field, and keeps
 * them when serialized (as the field and message texts of each), so a remote caller sees what a local one sees.
 *
 * @since 0.1.0
 */
public final class InvalidRequestException extends RuxoRulesException {

    private static final long serialVersionUID = 1L;

    /** Written and read by {@link #writeObject} and {@link #readObject}. */
    private transient List<Violation> violations;

    /**
     * An exception listing {@code violations}.
     *
     * @param violations every violation found; at least one
     */
    public InvalidRequestException(List<Violation> violations) {
        super(message(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid request needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    /**
     * @return every violation, in the order found
     */
    public List<Violation> violations() {
        return violations;
    }

    /**
     * Writes the violations after the default fields.
     *
     * @param out the stream
     * @throws IOException when writing fails
     * @serialData the number of violations as an {@code int}, then the field and the message of each as objects
     */
    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        out.writeInt(violations.size());
        for (Violation violation : violations) {
            out.writeObject(violation.field());
            out.writeObject(violation.message());
        }
    }

    /**
     * Reads what {@link #writeObject} wrote.
     *
     * @param in the stream
     * @throws IOException            when reading fails or the data is not a list of violations
     * @throws ClassNotFoundException when a class of the stream is missing
     */
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        int count = in.readInt();
        if (count < 1 || count > 100_000) {
            throw new InvalidObjectException("an invalid request holds 1 to 100000 violations, not " + count);
        }
        List<Violation> read = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (!(in.readObject() instanceof String field) || !(in.readObject() instanceof String message)) {
                throw new InvalidObjectException("a violation is a field and a message");
            }
            read.add(new Violation(field, message));
        }
        violations = List.copyOf(read);
    }

    private static String message(List<Violation> violations) {
        return "Invalid request: " + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }
}
