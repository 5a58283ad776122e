package ru.rossgram.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Network addresses tests need: clients' source addresses, and loopback URLs where nothing listens. */
final class Addresses {
    private Addresses() {
    }

    /**
     * A random address in 198.18.0.0/15 (set aside for benchmarks, never a real client's): a client of its own, so
     * one test's address throttling cannot leak into another.
     */
    static String clientAddress() {
        var random = ThreadLocalRandom.current();
        return "198." + random.nextInt(18, 20) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    /** A loopback port that was free a moment ago. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String loopbackUrl(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** An endpoint that refuses connections: a service that is down. */
    static String closedPortUrl() {
        return loopbackUrl(freePort()); // closed again when the test uses it
    }
}
