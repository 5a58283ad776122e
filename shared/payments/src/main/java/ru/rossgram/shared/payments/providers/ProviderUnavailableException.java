package ru.rossgram.shared.payments.providers;

/** A provider's API could not be reached or answered with an error; worth retrying later. */
public class ProviderUnavailableException extends RuntimeException {
    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public ProviderUnavailableException(String message) {
        super(message);
    }
}
