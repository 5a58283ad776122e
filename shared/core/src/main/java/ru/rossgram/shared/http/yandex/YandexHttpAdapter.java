package ru.rossgram.shared.http.yandex;

import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemResponses;

/**
 * What each HTTP function's Yandex entry class does (those classes only construct their handler and call this):
 * the gateway's event answered by the same handler's {@link ApiFunction#answer}, the one place its logic lives.
 * An event that is no HTTP request is answered 400 as a problem, like every other client mistake.
 */
public final class YandexHttpAdapter implements Function<YandexHttpRequest, YandexHttpResponse>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(YandexHttpAdapter.class);

    private final ApiFunction function;

    public YandexHttpAdapter(ApiFunction function) {
        this.function = function;
    }

    @Override
    public YandexHttpResponse apply(YandexHttpRequest event) {
        ApiRequest request;
        try {
            request = YandexGatewayEvents.toRequest(event);
        } catch (ProblemException notAnHttpRequest) {
            LOG.warn("refused an event: {}", notAnHttpRequest.getMessage());
            return YandexGatewayEvents.toResponse(ProblemResponses.of(notAnHttpRequest,
                    event == null || event.path == null ? null : event.path));
        }
        return YandexGatewayEvents.toResponse(function.answer(request));
    }

    /** The handler answering, for tests and hosts that look inside it. */
    public ApiFunction function() {
        return function;
    }

    /** Closes the handler's application context (a host that outlives the function; Yandex simply ends the process). */
    @Override
    public void close() {
        function.close();
    }
}
