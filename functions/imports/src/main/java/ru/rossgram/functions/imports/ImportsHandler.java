package ru.rossgram.functions.imports;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.auth.Authenticator;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.http.JsonCodec;
import ru.rossgram.shared.imports.uploads.ImportReports;
import ru.rossgram.shared.imports.uploads.ImportUploads;
import ru.rossgram.shared.imports.uploads.NewImport;
import ru.rossgram.shared.paging.PageRequest;

/**
 * Imports of Instagram exports: {@code POST /v1/imports} starts one and answers where to upload each file's parts,
 * {@code GET .../files/{index}/parts} is how an interrupted upload resumes, {@code POST .../complete} hands it to the
 * processing, {@code DELETE} cancels it while uploading, and {@code GET} reads it with its report, or the caller's
 * imports.
 */
public class ImportsHandler extends ApiFunction {
    // The template's route keys for this function, as the gateway sends them in routeKey.
    public static final String START = "POST /v1/imports";
    public static final String LIST = "GET /v1/imports";
    public static final String GET = "GET /v1/imports/{importId}";
    public static final String CANCEL = "DELETE /v1/imports/{importId}";
    public static final String COMPLETE = "POST /v1/imports/{importId}/complete";
    public static final String PARTS = "GET /v1/imports/{importId}/files/{index}/parts";

    @Inject
    ImportUploads uploads;
    @Inject
    ImportReports reports;
    @Inject
    Authenticator authenticator;
    @Inject
    JsonCodec json;

    public ImportsHandler() {
    }

    public ImportsHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Caller caller = authenticator.authenticate(request);
        String importId = request.pathParameters().get("importId");
        return switch (request.routeKey()) {
            case START -> json.response(201, uploads.start(caller, json.read(request, NewImport.class)));
            case LIST -> json.response(200, reports.list(caller, PageRequest.of(request.queryParameters())));
            case GET -> json.response(200, reports.view(caller, importId, PageRequest.of(request.queryParameters())));
            case PARTS -> json.response(200, uploads.parts(caller, importId, request.pathParameters().get("index")));
            case COMPLETE -> json.response(200, uploads.complete(caller, importId));
            case CANCEL -> {
                uploads.cancel(caller, importId);
                yield ApiResponse.noContent();
            }
            default -> throw request.routeNotFound();
        };
    }
}
