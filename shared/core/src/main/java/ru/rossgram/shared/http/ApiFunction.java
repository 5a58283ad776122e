package ru.rossgram.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.rossgram.shared.config.FunctionContexts;
import ru.rossgram.shared.logging.InvocationLog;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemResponses;
import ru.rossgram.shared.problem.ProblemType;
import ru.rossgram.shared.snapshot.SnapshotHooks;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Base of every HTTP function: {@link #answer} takes the cloud-neutral request, calls {@link #handle}, and turns
 * every failure into a problem response. Subclasses only translate between HTTP and one service call. Each cloud
 * is an adapter over {@code answer}: {@link #execute} for AWS (API Gateway HTTP API, payload 2.0), the
 * {@code ru.rossgram.shared.http.yandex} classes for Yandex Cloud Functions (API Gateway payload 1.0).
 *
 * <p>The no-argument constructor is the one Lambda uses; the builder constructor lets tests and the local
 * runner hand in configuration without touching the process environment.
 */
public abstract class ApiFunction extends MicronautRequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(ApiFunction.class);

    /** Primes this function before a SnapStart snapshot and re-seeds it after a restore; kept: CRaC holds it weakly. */
    private final SnapshotHooks snapshotHooks = SnapshotHooks.register(getApplicationContext());

    protected ApiFunction() {
        super();
    }

    protected ApiFunction(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    /** The hooks SnapStart runs on this function (tests and the cold-start probe run them by hand). */
    public final SnapshotHooks snapshotHooks() {
        return snapshotHooks;
    }

    /** Builds only the beans the function injects (see {@link FunctionContexts}). */
    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return FunctionContexts.lambda();
    }

    /** AWS's adapter: the API Gateway v2 event answered by {@link #answer}. */
    @Override
    public final APIGatewayV2HTTPResponse execute(APIGatewayV2HTTPEvent event) {
        return ApiGatewayV2Events.toResponse(answer(ApiGatewayV2Events.toRequest(event)));
    }

    /**
     * Answers one request, whatever cloud it came from, and logs one access line for it (see {@link AccessLog})
     * with the invocation's fields (see {@link InvocationLog}) on every line logged meanwhile.
     *
     * @return the response; never throws for a failure of the request's own, which becomes a problem response
     */
    public final ApiResponse answer(ApiRequest request) {
        long started = System.nanoTime();
        try (InvocationLog ignored = InvocationLog.begin(request.requestId())) {
            ApiResponse response = respond(request);
            AccessLog.record(request, response, started);
            return response;
        }
    }

    /** Handles one request; throws {@link ProblemException} for every outcome the client must hear about. */
    protected abstract ApiResponse handle(ApiRequest request);

    private ApiResponse respond(ApiRequest request) {
        try {
            return handle(request);
        } catch (ProblemException problem) {
            if (problem.type() == ProblemType.BUSY) { // contention or a throttling table: the operators' business too
                LOG.warn("busy on {}: {}", request.routeKey(), problem.getMessage());
            }
            return ProblemResponses.of(problem, request.path());
        } catch (SdkException e) {
            LOG.error("storage call failed on {}", request.routeKey(), e);
            return ProblemResponses.of(ProblemException.busy("A storage call failed; retry shortly."), request.path());
        } catch (RuntimeException e) {
            LOG.error("unhandled error on {}", request.routeKey(), e);
            return ProblemResponses.of(new ProblemException(ProblemType.INTERNAL,
                    "Something went wrong on our side (request " + request.requestId() + ")."), request.path());
        }
    }
}
