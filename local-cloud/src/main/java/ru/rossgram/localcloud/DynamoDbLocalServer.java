package ru.rossgram.localcloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;

/**
 * DynamoDB Local, in this JVM, listening on 127.0.0.1 only.
 *
 * <p>It is wired the way {@code ServerRunner.createServer} wires it ({@code -sharedDb},
 * {@code -inMemory} or {@code -dbPath}), but in a Jetty server of our own: the stock
 * {@code DynamoDBProxyServer} binds every interface, needs the port chosen up front (a race
 * with other processes), swallows bind failures in {@code start()}, and prints its configuration
 * to stdout. Telemetry is never configured, so none is sent. Under {@link CloudProfile#YANDEX} the
 * {@link DocumentApiGuard} stands in front of it in the same server.
 *
 * <p>Every thread it runs on belongs to one thread group, so that {@link #close()} can end the
 * background jobs DynamoDB Local starts lazily (stream shard rollover, TTL deletion): its own
 * shutdown leaves them sleeping for minutes in non-daemon threads, which keeps a JVM from exiting.
 */
final class DynamoDbLocalServer implements AutoCloseable {

    private static final Duration THREAD_EXIT_WAIT = Duration.ofSeconds(5);

    private final Server server;
    private final LocalDynamoDBServerHandler handler;
    private final ThreadGroup threads;
    private final URI endpoint;

    private DynamoDbLocalServer(Server server, LocalDynamoDBServerHandler handler, ThreadGroup threads, URI endpoint) {
        this.server = server;
        this.handler = handler;
        this.threads = threads;
        this.endpoint = endpoint;
    }

    /**
     * @param dbDirectory where the database file lives, or null for in memory
     * @param port the port on 127.0.0.1, 0 for a free one
     * @param profile {@link CloudProfile#YANDEX} puts the {@link DocumentApiGuard} in front of DynamoDB Local
     */
    static DynamoDbLocalServer start(Path dbDirectory, int port, CloudProfile profile) throws Exception {
        boolean inMemory = dbDirectory == null;
        String dbPath = null;
        if (!inMemory) {
            try {
                dbPath = Files.createDirectories(dbDirectory).toAbsolutePath().toString();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + dbDirectory, e);
            }
        }
        // Shared DB: one database whatever access key and region a client signs with, so a
        // function configured with other credentials still sees the tables provisioned here.
        LocalDynamoDBRequestHandler requests = new LocalDynamoDBRequestHandler(0, inMemory, dbPath, true, false);
        LocalDynamoDBServerHandler handler = new LocalDynamoDBServerHandler(requests, null);

        // Request threads start in this group; the job pools DynamoDB Local creates from them inherit it.
        ThreadGroup threads = new ThreadGroup("dynamodb-local");
        QueuedThreadPool pool = new QueuedThreadPool(200, 8, 60_000, -1, null, threads);
        pool.setName("dynamodb-local");
        pool.setDaemon(true);
        Server server = new Server(pool);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        try {
            Handler served = profile == CloudProfile.YANDEX
                    ? new DocumentApiGuard(handler, new DormantTimeToLive(requests))
                    : handler;
            server.setHandler(new ContextHandler(served));
            server.start();
        } catch (Exception e) {
            Closer.closeAll(e, handler::close, server::stop);
            throw e;
        }
        return new DynamoDbLocalServer(server, handler, threads,
                URI.create("http://127.0.0.1:" + connector.getLocalPort()));
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws Exception {
        try {
            server.stop();
        } finally {
            // Closes the SQLite database so that the next start on the same file sees every write.
            handler.close();
            endBackgroundJobs();
        }
    }

    /** Interrupts the jobs' sleep (they then end, their pools being shut down) and waits for them. */
    private void endBackgroundJobs() throws InterruptedException {
        threads.interrupt();
        long deadline = System.nanoTime() + THREAD_EXIT_WAIT.toNanos();
        Thread[] alive = new Thread[threads.activeCount() + 8];
        int count = threads.enumerate(alive);
        for (int i = 0; i < count; i++) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                alive[i].join(Math.max(1, left / 1_000_000));
            }
        }
    }
}
