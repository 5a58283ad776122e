package ru.rossgram.localcloud;

/** Closes what a failed start or a stop leaves behind without losing the first failure. */
final class Closer {

    private Closer() {
    }

    /** Closes each non-null resource in order, adding whatever they throw to {@code failure}. */
    static void closeAll(Throwable failure, AutoCloseable... resources) {
        for (AutoCloseable resource : resources) {
            if (resource == null) {
                continue;
            }
            try {
                resource.close();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
    }

    /** Closes every non-null resource, then throws one {@link IllegalStateException} carrying whatever they threw. */
    static void closeAllOrThrow(String message, AutoCloseable... resources) {
        IllegalStateException failure = new IllegalStateException(message);
        closeAll(failure, resources);
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }
}
