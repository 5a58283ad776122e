package ru.rossgram.shared.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;
import ru.rossgram.shared.text.Utf8;

/**
 * Reads request bodies strictly (unknown fields, wrong types, trailing garbage, oversized bodies, malformed
 * UTF-8 and unpaired surrogates are the client's mistakes, answered 4xx; nothing is coerced or repaired) and
 * writes response bodies. One mapper per container.
 */
@Singleton
public class JsonCodec {
    /** Our JSON requests are small forms; anything larger is a mistake or an attack. */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT) // 199.5 kopecks is a mistake, not 199
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION.mappedFeature())
            .addModule(new SimpleModule("strict-strings").addDeserializer(String.class, new StrictStrings()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    /**
     * Parses a JSON request body into {@code type}.
     *
     * @throws ProblemException 415 when the body is not declared JSON, 413 when too large,
     *         400 when malformed, empty, or not of the expected shape
     */
    public <T> T read(ApiRequest request, Class<T> type) {
        String contentType = request.header("content-type").orElse("").toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/json") && !contentType.matches("application/[a-z.+-]*\\+json.*")) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Send the body as application/json (got '" + ProblemException.quote(contentType) + "').");
        }
        if (request.body().length > MAX_BODY_BYTES) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                    "The body is " + request.body().length + " bytes; the limit is " + MAX_BODY_BYTES + ".",
                    Map.of("maxBytes", MAX_BODY_BYTES));
        }
        if (request.body().length == 0) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "A JSON object body is required.");
        }
        try {
            // Decoded here, strictly, because Jackson's own UTF-8 reader accepts overlong forms (C0 AF reads as '/').
            T value = mapper.readValue(Utf8.decode(request.body(), at -> new ProblemException(ProblemType.MALFORMED_JSON,
                    "The body is not valid UTF-8 (byte " + at + ").")), type);
            if (value == null) {
                throw new ProblemException(ProblemType.INVALID_REQUEST, "A JSON object body is required.");
            }
            return value;
        } catch (StrictStrings.BrokenText e) {
            String field = fieldPath(e);
            throw new ProblemException(ProblemType.MALFORMED_JSON, field + ": " + e.getOriginalMessage(),
                    Map.of("errors", List.of(Map.of("field", field, "reason", e.getOriginalMessage()))));
        } catch (UnrecognizedPropertyException e) {
            throw ProblemException.invalid(ProblemException.quote(e.getPropertyName()), "unknown field");
        } catch (MismatchedInputException e) {
            String field = fieldPath(e);
            throw field.isEmpty()
                    ? new ProblemException(ProblemType.INVALID_REQUEST, "The body must be a JSON object.")
                    : ProblemException.invalid(field, "must be " + jsonTypeOf(e.getTargetType()));
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof InputCoercionException) {
                throw ProblemException.invalid(fieldPath(e), "out of range");
            }
            throw new ProblemException(ProblemType.MALFORMED_JSON, e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, e.getOriginalMessage());
        } catch (IOException e) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "The body could not be read as JSON.");
        }
    }

    public ApiResponse response(int status, Object body) {
        try {
            return new ApiResponse(status, Map.of("content-type", "application/json"), mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response bodies are plain records and always serialise", e);
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** What the client should have sent, in JSON's words. */
    private static String jsonTypeOf(Class<?> target) {
        if (target == null) {
            return "of another type";
        } else if (CharSequence.class.isAssignableFrom(target)) {
            return "a string";
        } else if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        } else if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "a whole number";
        } else if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
            return "a number";
        } else if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
