package ru.rossgram.shared.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

/**
 * Reads request bodies strictly (unknown fields, wrong types, trailing garbage and oversized bodies are
 * the client's mistakes, answered 4xx) and writes response bodies. One mapper per container.
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
                    "Send the body as application/json (got '" + contentType + "').");
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
            T value = mapper.readValue(request.body(), type);
            if (value == null) {
                throw new ProblemException(ProblemType.INVALID_REQUEST, "A JSON object body is required.");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ProblemException.invalid(e.getPropertyName(), "unknown field");
        } catch (MismatchedInputException e) {
            String field = fieldPath(e);
            throw field.isEmpty()
                    ? new ProblemException(ProblemType.INVALID_REQUEST, "The body must be a JSON object.")
                    : ProblemException.invalid(field, "wrong type");
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

    private static String fieldPath(MismatchedInputException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
