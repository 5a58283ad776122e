package ru.rossgram.local;

import ru.rossgram.shared.problem.ProblemException;

/**
 * How the gateway hands a matched request to its function and reads the function's answer: the event format and
 * the runtime are the cloud's (see {@link LambdaProxyIntegration}, {@link YandexFunctionsIntegration}).
 */
public interface FunctionIntegration {
    /**
     * The function's answer to {@code request}, or the gateway's own when the function fails or answers something
     * that is no response.
     *
     * @throws ProblemException {@code invalid-request} when the request's URL does not decode (see
     *                          {@link PercentEncoding}): such a request reaches no function
     */
    ApiGateway.Response invoke(HttpApiRoutes.Match match, HttpApiEvents.Request request);
}
