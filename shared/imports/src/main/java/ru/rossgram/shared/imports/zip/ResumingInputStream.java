package ru.rossgram.shared.imports.zip;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

/**
 * A range read that survives a dropped connection: when reading fails, the rest of the range is opened again
 * from the first byte not yet delivered, up to a number of times, waiting a little longer before each
 * (exponential backoff). A failure retrying cannot cure ({@link ObjectUnavailableException}) is thrown at once.
 */
final class ResumingInputStream extends InputStream {

    /** Opens a range; {@link RangeSource#open} of an implementation that does not resume by itself. */
    @FunctionalInterface
    interface Opener {
        InputStream open(long offset, long length) throws IOException;
    }

    private final Opener opener;
    private final int maxResumes;
    private final long firstBackoffMillis;
    private long position;
    private final long end;
    private InputStream current;
    private int resumes;

    /**
     * @param maxResumes how many times the rest of the range is opened again after a failure
     * @param firstBackoffMillis the wait before the first resume, doubled before each next one
     */
    ResumingInputStream(Opener opener, long offset, long length, int maxResumes, long firstBackoffMillis) {
        this.opener = opener;
        this.maxResumes = maxResumes;
        this.firstBackoffMillis = firstBackoffMillis;
        this.position = offset;
        this.end = offset + length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (position >= end) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        while (true) {
            try {
                if (current == null) {
                    current = opener.open(position, end - position);
                }
                int n = current.read(b, off, (int) Math.min(len, end - position));
                if (n < 0) {
                    throw new IOException("the range ended " + (end - position) + " bytes early");
                }
                position += n;
                return n;
            } catch (ObjectUnavailableException e) {
                throw e;
            } catch (IOException e) {
                closeQuietly();
                if (resumes >= maxResumes) {
                    throw e;
                }
                backOff(firstBackoffMillis << resumes++, e);
            }
        }
    }

    private static void backOff(long millis, IOException failure) throws InterruptedIOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while resuming a range");
            interrupted.addSuppressed(failure);
            throw interrupted;
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException ignored) {
            // The connection is already broken; a new one replaces it.
        }
    }

    @Override
    public void close() throws IOException {
        InputStream open = current;
        current = null;
        if (open != null) {
            open.close();
        }
    }
}
