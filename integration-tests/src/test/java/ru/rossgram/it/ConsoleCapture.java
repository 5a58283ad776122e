package ru.rossgram.it;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * What this JVM writes to standard output and standard error while open, still passed through: the bytes the
 * functions' logging really writes (Logback's console appender looks {@code System.out} up on every write).
 */
final class ConsoleCapture implements AutoCloseable {
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private ConsoleCapture() {
    }

    static ConsoleCapture start() {
        ConsoleCapture capture = new ConsoleCapture();
        System.setOut(new PrintStream(new Tee(capture.out, capture.stdout), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(capture.err, capture.stderr), true, StandardCharsets.UTF_8));
        return capture;
    }

    List<String> stdoutLines() {
        return lines(stdout);
    }

    List<String> stderrLines() {
        return lines(stderr);
    }

    private static List<String> lines(ByteArrayOutputStream bytes) {
        synchronized (bytes) {
            return Arrays.stream(bytes.toString(StandardCharsets.UTF_8).split("\n")).filter(line -> !line.isBlank()).toList();
        }
    }

    @Override
    public void close() {
        System.out.flush();
        System.err.flush();
        System.setOut(out);
        System.setErr(err);
    }

    private static final class Tee extends OutputStream {
        private final OutputStream through;
        private final ByteArrayOutputStream kept;

        Tee(OutputStream through, ByteArrayOutputStream kept) {
            this.through = through;
            this.kept = kept;
        }

        @Override
        public void write(int b) {
            synchronized (kept) {
                kept.write(b);
            }
            try {
                through.write(b);
            } catch (java.io.IOException ignored) {
                // the console is gone; the copy is what the test reads
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (kept) {
                kept.write(b, off, len);
            }
            try {
                through.write(b, off, len);
            } catch (java.io.IOException ignored) {
                // as above
            }
        }

        @Override
        public void flush() throws java.io.IOException {
            through.flush();
        }
    }
}
