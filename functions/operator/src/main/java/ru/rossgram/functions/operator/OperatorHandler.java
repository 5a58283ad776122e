package ru.rossgram.functions.operator;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.auth.Authenticator;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.http.JsonCodec;
import ru.rossgram.shared.launch.InvitationOrder;
import ru.rossgram.shared.launch.MigrationStep;
import ru.rossgram.shared.launch.NameReservation;
import ru.rossgram.shared.launch.OperatorActions;
import ru.rossgram.shared.paging.PageRequest;

/**
 * The operators' endpoints under {@code /v1/operator}: partner and creator invitations, reserved names, creator
 * marks, the look-alike migration and the audit log. Every route is for operators only ({@link OperatorActions}
 * checks), and every action is recorded with it.
 */
public class OperatorHandler extends ApiFunction {
    // The template's route keys for this function, as the gateway sends them in routeKey.
    public static final String MARK_CREATOR = "POST /v1/operator/creators/{username}";
    public static final String UNMARK_CREATOR = "DELETE /v1/operator/creators/{username}";
    public static final String ISSUE_INVITATIONS = "POST /v1/operator/invitations";
    public static final String INVITATIONS = "GET /v1/operator/invitations";
    public static final String DISABLE_INVITATION = "POST /v1/operator/invitations/{invitationId}/disable";
    public static final String RESERVE_NAMES = "POST /v1/operator/reserved-names";
    public static final String RESERVED_NAMES = "GET /v1/operator/reserved-names";
    public static final String LOOKALIKE_MIGRATION = "POST /v1/operator/migrations/lookalikes";
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
            case ISSUE_INVITATIONS -> json.response(201, operators.issueInvitations(caller, () -> json.read(request, InvitationOrder.class)));
            case INVITATIONS -> json.response(200, operators.invitations(caller, request.queryParameters().get("kind"),
                    PageRequest.of(request.queryParameters())));
            case DISABLE_INVITATION -> {
                operators.disableInvitation(caller, request.pathParameters().get("invitationId"));
                yield ApiResponse.noContent();
            }
            case RESERVE_NAMES -> json.response(201, operators.reserveNames(caller, () -> json.read(request, NameReservation.class)));
            case RESERVED_NAMES -> json.response(200, operators.reservedNames(caller, PageRequest.of(request.queryParameters())));
            case LOOKALIKE_MIGRATION -> json.response(200, operators.backfillLookalikes(caller, MigrationStep.of(request.queryParameters())));
            case AUDIT -> json.response(200, operators.audit(caller, PageRequest.of(request.queryParameters())));
            default -> throw request.routeNotFound();
        };
    }
}
