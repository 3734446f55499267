package dev.ruxo.rules.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.InvalidRequestException;
import dev.ruxo.rules.RequestValidation;
import dev.ruxo.rules.Violation;
import dev.ruxo.rules.json.internal.Mappers;
import dev.ruxo.rules.json.internal.RequestReader;
import dev.ruxo.rules.json.internal.TreeWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Reads and writes the JSON wire format, version {@value dev.ruxo.rules.RuxoRules#WIRE_FORMAT_VERSION}, which
 * {@code docs/wire-format.md} in the source repository specifies.
 *
 * <p>Reading is strict about what the contract defines. Unknown fields are never silent: by default the request
 * carries them ({@link CheckRequest#unknownFields()}) and the engine reports them in one DATA finding of severity
 * WARNING, naming each by its path and the known name it is probably meant to be; {@link #strict()} makes them
 * violations instead. A wrong JSON type, an unparseable date, an unknown enum spelling or a fractional count is a
 * {@link Violation} with the field's wire path ({@code order.bsaPercent}, {@code medications[0].status}, {@code $}
 * for the document). Every violation is collected, then the semantic checks of
 * {@link dev.ruxo.rules.RequestValidation} run on what could be read, and one {@link InvalidRequestException} lists
 * them all. Decimals ({@code bsaPercent}, {@code quantityGrams}) become {@link java.math.BigDecimal} exactly as
 * written, never through {@code double}. Hostile input is refused by size limits (1 MiB document, nesting depth 32,
 * 64 KiB strings, 100-character numbers), also as an {@link InvalidRequestException}.
 *
 * <p>Writing produces compact one-line JSON. Instances are immutable and thread safe; they share one Jackson mapper.
 *
 * <pre>{@code
 * WireFormat wire = WireFormat.create();
 * CheckRequest request = wire.readRequest(json);
 * String answer = wire.writeAssessment(engine.check(request));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class WireFormat {

    private static final WireFormat SYSTEM = new WireFormat(Clock.systemDefaultZone(), false,
            RequestValidation.Limits.defaults());

    private final Clock clock;
    private final boolean strict;
    private final RequestValidation.Limits limits;

    private WireFormat(Clock clock, boolean strict, RequestValidation.Limits limits) {
        this.clock = clock;
        this.strict = strict;
        this.limits = limits;
    }

    /**
     * The wire format, checking birth dates of requests without {@code asOf} against today on the system clock.
     *
     * @return the shared instance
     */
    public static WireFormat create() {
        return SYSTEM;
    }

    /**
     * The wire format with another clock for "today", for tests and replays.
     *
     * @param clock gives today's date for requests without {@code asOf}
     * @return a new instance
     */
    public static WireFormat create(Clock clock) {
        return new WireFormat(Objects.requireNonNull(clock, "clock must not be null"), false,
                RequestValidation.Limits.defaults());
    }

    /**
     * This wire format, rejecting requests with fields it does not know: each unknown field becomes a
     * {@link Violation} naming its path and the known name it probably stands for.
     *
     * @return a strict copy
     */
    public WireFormat strict() {
        return new WireFormat(clock, true, limits);
    }

    /**
     * This wire format with other limits on list sizes; {@link RequestValidation.Limits#defaults()} unless set.
     *
     * @param value the limits
     * @return a copy with these limits
     */
    public WireFormat withLimits(RequestValidation.Limits value) {
        return new WireFormat(clock, strict, Objects.requireNonNull(value, "limits must not be null"));
    }

    // --- reading

    /**
     * Reads a request from JSON text.
     *
     * @param json the document
     * @return the request, valid by {@link dev.ruxo.rules.RequestValidation}; its {@code asOf} is null when the
     *         document has none
     * @throws InvalidRequestException listing every violation, for malformed JSON and invalid requests alike
     */
    public CheckRequest readRequest(String json) {
        Objects.requireNonNull(json, "json must not be null");
        JsonNode root;
        try {
            root = Mappers.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(List.of(unparseable(e)));
        } catch (RuntimeException e) {
            throw new InvalidRequestException(List.of(unreadable()));
        }
        return readRequest(root);
    }

    /**
     * Reads a request from a UTF-8 (or UTF-16/32, detected) JSON stream. The stream is read to its end, at most one
     * byte more than the size limit, and not closed. UTF-8 is decoded strictly: overlong forms, surrogates encoded in
     * UTF-8 and stray bytes are violations, never characters.
     *
     * @param in the stream
     * @return the request, valid by {@link dev.ruxo.rules.RequestValidation}
     * @throws InvalidRequestException listing every violation; also when the stream fails, with field {@code $}
     */
    public CheckRequest readRequest(InputStream in) {
        Objects.requireNonNull(in, "in must not be null");
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) Mappers.MAX_DOCUMENT_LENGTH + 1);
        } catch (IOException e) {
            throw new InvalidRequestException(List.of(new Violation("$", "could not be read: " + ioMessage(e))));
        }
        if (bytes.length > Mappers.MAX_DOCUMENT_LENGTH) {
            throw new InvalidRequestException(List.of(new Violation("$", "exceeds a size limit of the wire format: "
                    + "the document is longer than the " + Mappers.MAX_DOCUMENT_LENGTH + " bytes allowed")));
        }
        JsonNode root;
        try {
            root = looksLikeUtf8(bytes) ? Mappers.mapper().readTree(strictUtf8(bytes))
                    : Mappers.mapper().readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(List.of(unparseable(e)));
        } catch (IOException e) {
            throw new InvalidRequestException(List.of(new Violation("$", "could not be read: " + ioMessage(e))));
        } catch (InvalidRequestException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidRequestException(List.of(unreadable()));
        }
        return readRequest(root);
    }

    private static String ioMessage(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : dev.ruxo.rules.SafeText.cut(e.getMessage(), 200);
    }

    /** UTF-16 and UTF-32 put a zero byte in the first four of any JSON document; UTF-8 never does. */
    private static boolean looksLikeUtf8(byte[] bytes) {
        for (int i = 0; i < Math.min(4, bytes.length); i++) {
            if (bytes[i] == 0) {
                return false;
            }
        }
        return bytes.length < 2 || !((bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF
                || (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE);
    }

    private static String strictUtf8(byte[] bytes) {
        java.nio.charset.CharsetDecoder decoder = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length);
        java.nio.charset.CoderResult result = decoder.decode(buffer, out, true);
        if (result.isError()) {
            throw new InvalidRequestException(List.of(new Violation("$", "is not valid UTF-8: the byte at offset "
                    + buffer.position() + " cannot start or continue a character (overlong and stray bytes are "
                    + "refused)")));
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * Reads a request from a parsed tree, such as one an HTTP framework has already parsed. Parse it with
     * {@code DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS}, or decimals will already have passed through
     * {@code double}; the reading methods above do that.
     *
     * @param root the document; null stands for an empty document
     * @return the request, valid by {@link dev.ruxo.rules.RequestValidation}
     * @throws InvalidRequestException listing every violation
     */
    public CheckRequest readRequest(JsonNode root) {
        RequestReader.Result result;
        try {
            result = RequestReader.read(root, LocalDate.now(clock), strict, limits);
        } catch (RuntimeException e) {
            throw new InvalidRequestException(List.of(unreadable()));
        }
        if (!result.violations().isEmpty()) {
            throw new InvalidRequestException(result.violations());
        }
        return result.request();
    }

    // --- writing

    /**
     * The assessment as a tree: {@code decision}, {@code findings} (each with {@code detail} and
     * {@code source.url} only when present) and {@code knowledgeBase}, enums in their wire spelling.
     *
     * @param assessment the assessment
     * @return a new mutable tree the caller may extend
     */
    public ObjectNode toJson(Assessment assessment) {
        return TreeWriter.assessment(Objects.requireNonNull(assessment, "assessment must not be null"));
    }

    /**
     * The assessment as compact one-line JSON.
     *
     * @param assessment the assessment
     * @return the JSON text
     */
    public String writeAssessment(Assessment assessment) {
        return write(toJson(assessment));
    }

    /**
     * The error object for an invalid request: {@code {"error":"INVALID_REQUEST","violations":[{"field","message"}]}}.
     *
     * @param exception the rejection
     * @return a new mutable tree the caller may extend
     */
    public ObjectNode toJson(InvalidRequestException exception) {
        return TreeWriter.invalidRequest(
                Objects.requireNonNull(exception, "exception must not be null").violations());
    }

    /**
     * The error object for an invalid request as compact one-line JSON.
     *
     * @param exception the rejection
     * @return the JSON text
     */
    public String writeError(InvalidRequestException exception) {
        return write(toJson(exception));
    }

    /**
     * The request as a tree, leaving out null fields and empty lists.
     *
     * @param request the request; it need not be valid
     * @return a new mutable tree
     */
    public ObjectNode toJson(CheckRequest request) {
        return TreeWriter.request(Objects.requireNonNull(request, "request must not be null"));
    }

    /**
     * The request as compact one-line JSON; {@link #readRequest(String)} reads it back to an equal request.
     *
     * @param request the request
     * @return the JSON text
     */
    public String writeRequest(CheckRequest request) {
        return write(toJson(request));
    }

    /**
     * Any tree as compact one-line JSON, with decimals in plain notation.
     *
     * @param node the tree, for example one from a {@code toJson} method with fields added
     * @return the JSON text
     * @throws UncheckedIOException if Jackson cannot write the tree (for example, nested too deep)
     */
    public String write(JsonNode node) {
        Objects.requireNonNull(node, "node must not be null");
        try {
            return Mappers.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- messages

    private static Violation unparseable(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 1
                ? ""
                : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String what = clean(e.getOriginalMessage());
        if (e instanceof StreamConstraintsException) {
            return new Violation("$", "exceeds a size limit of the wire format" + where + ": " + limit(what));
        }
        return new Violation("$", "is not valid JSON" + where + ": " + what);
    }

    private static Violation unreadable() {
        // A bug in the reader, not in the document; its message might quote patient data, so it is not shown.
        return new Violation("$", "could not be read: internal reader error");
    }

    /**
     * Jackson reports how far it had read when a limit tripped, not the size of the thing: a 10 MB string reads as
     * "length (20054016)". Say which limit, and its value, only.
     */
    private static String limit(String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "^(.*?) (length|depth) \\(\\d+\\) exceeds the maximum allowed \\((\\d+)[^)]*\\).*$").matcher(message);
        if (!m.matches()) {
            return message;
        }
        String what = m.group(1).toLowerCase(java.util.Locale.ROOT);
        return what + " " + m.group(2) + " exceeds the " + m.group(3)
                + ("depth".equals(m.group(2)) ? " levels" : " characters") + " allowed";
    }

    /** Jackson's messages name its own configuration and source placeholder; users need neither. */
    private static String clean(String message) {
        if (message == null) {
            return "malformed document";
        }
        return message
                .replaceAll("\\[Source: [^;]*; ", "[")
                .replaceAll(", from `[^`]*`\\)", ")")
                .replaceAll(": enable `[^`]*` to allow", "")
                .replaceAll(" \\(bound as `[^`]*`\\): not allowed as per `[^`]*`", "")
                .replaceAll("\\s+", " ")
                .trim();
    }
}
