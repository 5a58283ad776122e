package ru.rossgram.functions.blockmute;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.auth.Authenticator;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;
import ru.rossgram.shared.social.BlockService;

/**
 * {@code PUT|DELETE /v1/users/{username}/block} blocks (cutting follows both ways) and unblocks;
 * {@code PUT|DELETE /v1/users/{username}/mute} mutes and unmutes. All idempotent, all 204.
 */
public class BlockMuteHandler extends ApiFunction {
    @Inject
    BlockService blocks;
    @Inject
    Authenticator authenticator;

    public BlockMuteHandler() {
    }

    public BlockMuteHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Caller caller = authenticator.authenticate(request);
        String username = request.pathParameters().get("username");
        String route = request.method() + " " + request.path().substring(request.path().lastIndexOf('/') + 1);
        switch (route) {
            case "PUT block" -> blocks.block(caller, username);
            case "DELETE block" -> blocks.unblock(caller, username);
            case "PUT mute" -> blocks.mute(caller, username);
            case "DELETE mute" -> blocks.unmute(caller, username);
            default -> throw new ProblemException(ProblemType.ROUTE_NOT_FOUND, request.method() + " " + request.path() + " is not a route.");
        }
        return ApiResponse.noContent();
    }
}
