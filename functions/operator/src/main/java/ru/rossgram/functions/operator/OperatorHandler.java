package ru.rossgram.functions.operator;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.auth.Authenticator;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.http.JsonCodec;
import ru.rossgram.shared.launch.OperatorActions;
import ru.rossgram.shared.paging.PageRequest;

/**
 * The operators' endpoints under {@code /v1/operator}: creator marks and the audit log. Every route is for
 * operators only ({@link OperatorActions} checks), and every action is recorded with it.
 */
public class OperatorHandler extends ApiFunction {
    // The template's route keys for this function, as the gateway sends them in routeKey.
    public static final String MARK_CREATOR = "POST /v1/operator/creators/{username}";
    public static final String UNMARK_CREATOR = "DELETE /v1/operator/creators/{username}";
    public static final String AUDIT = "GET /v1/operator/audit";

    @Inject
    OperatorActions operators;
    @Inject
    Authenticator authenticator;
    @Inject
    JsonCodec json;

    public OperatorHandler() {
    }

    public OperatorHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Caller caller = authenticator.authenticate(request);
        return switch (request.routeKey()) {
            case MARK_CREATOR -> json.response(200, operators.markCreator(caller, request.pathParameters().get("username"), true));
            case UNMARK_CREATOR -> json.response(200, operators.markCreator(caller, request.pathParameters().get("username"), false));
            case AUDIT -> json.response(200, operators.audit(caller, PageRequest.of(request.queryParameters())));
            default -> throw request.routeNotFound();
        };
    }
}
