package ru.rossgram.shared.snapshot;

import io.micronaut.context.BeanContext;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.http.JsonCodec;

/**
 * A JSON round trip through the function's own {@link JsonCodec}, the way requests take it: a response written,
 * then read back as a request body. Jackson builds its serialisers, deserialisers and the strict-string module on
 * first use; this pays for that before the snapshot.
 */
@Singleton
public class JsonPriming implements PrimingStep {
    /** Something of each kind our bodies carry: text, a number, a flag, an instant, a list. */
    record Sample(String text, long number, boolean flag, Instant at, List<String> items) {
    }

    @Override
    public List<String> prime(BeanContext context) {
        if (context.getActiveBeanRegistrations(JsonCodec.class).isEmpty()) {
            return List.of();
        }
        JsonCodec json = context.getBean(JsonCodec.class);
        Sample sample = new Sample("приветствие", 19_900L, true, Instant.EPOCH, List.of("one"));
        ApiResponse written = json.response(200, sample);
        ApiRequest echoed = new ApiRequest("PUT /priming", "PUT", "/priming",
                Map.of("content-type", "application/json"), Map.of(), Map.of(),
                written.body().getBytes(StandardCharsets.UTF_8), "127.0.0.1", "snapshot-priming");
        if (!json.read(echoed, Sample.class).equals(sample)) {
            throw new IllegalStateException("the JSON round trip changed the sample");
        }
        return List.of("JSON round trip");
    }
}
