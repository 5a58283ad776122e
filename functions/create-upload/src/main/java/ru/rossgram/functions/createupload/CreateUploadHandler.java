package ru.rossgram.functions.createupload;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.auth.Authenticator;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.http.JsonCodec;
import ru.rossgram.shared.uploads.UploadRequest;
import ru.rossgram.shared.uploads.UploadService;

/** {@code POST /v1/uploads}: signed PUT URLs for photos the app is about to send. */
public class CreateUploadHandler extends ApiFunction {
    @Inject
    UploadService uploads;
    @Inject
    Authenticator authenticator;
    @Inject
    JsonCodec json;

    public CreateUploadHandler() {
    }

    public CreateUploadHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Caller caller = authenticator.authenticate(request);
        return json.response(201, uploads.issue(caller, json.read(request, UploadRequest.class)));
    }
}
