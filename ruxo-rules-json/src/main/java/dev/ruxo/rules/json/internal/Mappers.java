package dev.ruxo.rules.json.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one Jackson configuration the wire format uses. An {@link ObjectMapper} is thread safe once configured, so a
 * single instance serves every caller.
 */
public final class Mappers {

    /** A request is a few kilobytes; 1 MiB leaves room for long medication lists and refuses floods early. */
    public static final long MAX_DOCUMENT_LENGTH = 1L << 20;
    /** The request is four levels deep; unknown extension fields get some room, recursion bombs do not. */
    public static final int MAX_NESTING_DEPTH = 32;
    /** Longest string value: display texts are short, so a 64 KiB value is a mistake or an attack. */
    public static final int MAX_STRING_LENGTH = 64 * 1024;
    /** Longest field name. */
    public static final int MAX_NAME_LENGTH = 1024;
    /** Longest number literal, in characters. */
    public static final int MAX_NUMBER_LENGTH = 100;

    private static final ObjectMapper MAPPER = create();

    private Mappers() {
    }

    /**
     * The shared mapper.
     *
     * @return the mapper
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper create() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNameLength(MAX_NAME_LENGTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .build())
                .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                // Two values for one field would let two readers of the same document see two different orders.
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // Error messages must not echo the document: it holds patient data.
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                // The caller owns the stream (standard input must stay open).
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
        return JsonMapper.builder(factory)
                // Decimals stay exactly as written: 20.0000000000000001 must not round to 20.
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(SerializationFeature.INDENT_OUTPUT)
                .build();
    }
}
