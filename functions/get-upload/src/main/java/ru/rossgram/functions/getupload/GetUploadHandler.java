package ru.rossgram.functions.getupload;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.auth.Authenticator;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.http.JsonCodec;
import ru.rossgram.shared.uploads.UploadService;

/** {@code GET /v1/uploads/{uploadId}}: the caller's upload and its processing status. */
public class GetUploadHandler extends ApiFunction {
    @Inject
    UploadService uploads;
    @Inject
    Authenticator authenticator;
    @Inject
    JsonCodec json;

    public GetUploadHandler() {
    }

    public GetUploadHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return json.response(200, uploads.find(authenticator.authenticate(request), request.pathParameters().get("uploadId")));
    }
}
