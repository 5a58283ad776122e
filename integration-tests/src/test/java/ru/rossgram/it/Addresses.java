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
     * A random address in 10.0.0.0/8 (private, never a client on the internet): a client of its own, so one test's
     * address throttling cannot leak into another. The range is large on purpose: the suite fails sign-ins from
     * hundreds of addresses, each counted for the whole window, and in the 130,000 of the benchmark range used before
     * a test's fresh address could be one of them (a likely cause of one spray test that met 429 early).
     */
    static String clientAddress() {
        var random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
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
