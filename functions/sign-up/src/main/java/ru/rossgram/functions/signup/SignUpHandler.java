package ru.rossgram.functions.signup;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.accounts.AccountRegistrar;
import ru.rossgram.shared.accounts.SignUpRequest;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.http.JsonCodec;

/** {@code POST /v1/accounts}: creates an account and answers 201 with it and its first tokens. */
public class SignUpHandler extends ApiFunction {
    @Inject
    AccountRegistrar registrar;
    @Inject
    JsonCodec json;

    public SignUpHandler() {
    }

    public SignUpHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return json.response(201, registrar.signUp(json.read(request, SignUpRequest.class), request.sourceIp()));
    }
}
