package ru.rossgram.functions.invitations;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.auth.Authenticator;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.http.JsonCodec;
import ru.rossgram.shared.launch.MemberInvitations;
import ru.rossgram.shared.paging.PageRequest;

/** {@code GET /v1/me/invitations}: the invitations a member has earned, with their codes and who used each. */
public class InvitationsHandler extends ApiFunction {
    @Inject
    MemberInvitations invitations;
    @Inject
    Authenticator authenticator;
    @Inject
    JsonCodec json;

    public InvitationsHandler() {
    }

    public InvitationsHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return json.response(200, invitations.of(authenticator.authenticate(request), PageRequest.of(request.queryParameters())));
    }
}
