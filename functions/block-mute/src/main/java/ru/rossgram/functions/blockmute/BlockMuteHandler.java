package ru.rossgram.functions.blockmute;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.auth.Authenticator;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.social.BlockService;

/**
 * {@code PUT|DELETE /v1/users/{username}/block} blocks (cutting follows both ways) and unblocks;
 * {@code PUT|DELETE /v1/users/{username}/mute} mutes and unmutes. All idempotent, all 204.
 */
public class BlockMuteHandler extends ApiFunction {
    // The template's route keys for this function, as the gateway sends them in routeKey.
    public static final String BLOCK = "PUT /v1/users/{username}/block";
    public static final String UNBLOCK = "DELETE /v1/users/{username}/block";
    public static final String MUTE = "PUT /v1/users/{username}/mute";
    public static final String UNMUTE = "DELETE /v1/users/{username}/mute";

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
        switch (request.routeKey()) {
            case BLOCK -> blocks.block(caller, username);
            case UNBLOCK -> blocks.unblock(caller, username);
            case MUTE -> blocks.mute(caller, username);
            case UNMUTE -> blocks.unmute(caller, username);
            default -> throw request.routeNotFound();
        }
        return ApiResponse.noContent();
    }
}
