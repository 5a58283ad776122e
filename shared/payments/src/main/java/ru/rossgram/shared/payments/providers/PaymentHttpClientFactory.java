package ru.rossgram.shared.payments.providers;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.time.Duration;

/** The one HTTP client the payment gateways share, built once per container. */
@Factory
public class PaymentHttpClientFactory {
    public static final String NAME = "payment-providers";

    @Singleton
    @Named(NAME)
    HttpClient paymentProvidersHttpClient() {
        // A provider that redirects an API call is misconfigured or not the provider: never follow.
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }
}
