package ru.rossgram.shared.imports.zip;

import java.io.IOException;

/**
 * The stored archive cannot be read and asking again will not help: it is gone, access is refused, or it was
 * replaced since it was opened (its ETag changed), so that ranges read before and after would not belong together.
 */
public final class ObjectUnavailableException extends IOException {

    public ObjectUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
