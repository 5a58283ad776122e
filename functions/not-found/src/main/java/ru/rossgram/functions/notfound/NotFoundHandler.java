package ru.rossgram.functions.notfound;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.List;
import java.util.Map;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

/**
 * The API's {@code $default} route: every request no other route matches, answered as a problem like every
 * other error rather than with the gateway's own {@code {"message":"Not Found"}}. A path that routes serve
 * with other methods is 405 {@code method-not-allowed} with {@code Allow}; any other path is 404 {@code not-found}.
 */
public class NotFoundHandler extends ApiFunction {
    private final KnownRoutes routes = KnownRoutes.fromBuild();

    public NotFoundHandler() {
    }

    public NotFoundHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        List<String> allowed = routes.methodsAt(request.path());
        if (allowed.isEmpty()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "There is nothing at " + ProblemException.quote(request.path()) + ".");
        }
        throw new ProblemException(ProblemType.METHOD_NOT_ALLOWED,
                ProblemException.quote(request.path()) + " answers " + String.join(", ", allowed) + ", not "
                        + ProblemException.quote(request.method()) + ".",
                Map.of("allow", allowed));
    }
}
