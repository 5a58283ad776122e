package ru.rossgram.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.function.Consumer;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import ru.rossgram.localcloud.template.CorsRule;

/**
 * Serves the {@link ApiGateway} over real HTTP with Jetty, answering CORS preflights and decorating responses as
 * the template's HTTP API {@code CorsConfiguration} says, and logging one line per request ({@link ApiHandler}).
 *
 * <p>Jetty, not the JDK's server: the JDK's parses the request URI before any handler runs and answers a bad
 * percent-escape with its own HTML page. Here every request-target reaches the gateway as sent, undecoded and not
 * normalised ({@link UriCompliance#UNSAFE} lets what Jetty's URI checks would refuse through, and
 * {@link SentRequestTargets} what its URI parser cannot read), so the gateway decides, and answers a bad one with
 * our {@code 400} problem; what Jetty still refuses itself (headers too large, broken framing) is answered by
 * {@link UnreadableRequests}.
 */
public final class ApiServer implements AutoCloseable {
    /**
     * Above API Gateway's quota of 10,240 bytes for the request line and header values (Jetty counts the names too),
     * so whatever the gateway takes, the runner takes.
     */
    private static final int MAX_REQUEST_HEADER_BYTES = 16 * 1024;
    /** Requests served at once (functions run on these threads), as the JDK server's 32 workers before. */
    private static final int WORKERS = 32;

    private final Server server;
    private final ServerConnector connector;

    private ApiServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /**
     * Starts serving on {@code host:port} (port 0 picks a free one), with {@code docs} and the runner's
     * {@code controls} beside the API.
     *
     * @throws IOException when the port cannot be bound
     */
    public static ApiServer start(String host, int port, ApiGateway gateway, ApiDocs docs, LocalControls controls,
                                  CorsRule cors, Consumer<String> requestLog)
            throws IOException {
        // Jetty's own threads (an acceptor, a selector) on top of the workers; daemons, as the JDK server's were.
        QueuedThreadPool threads = new QueuedThreadPool(WORKERS + 8, 4);
        threads.setName("api-worker");
        threads.setDaemon(true);
        Server server = new Server(threads);

        HttpConfiguration http = new HttpConfiguration();
        http.setUriCompliance(UriCompliance.UNSAFE);
        http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES);
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, 1, 1, new SentRequestTargets(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setAcceptQueueSize(128);
        server.addConnector(connector);
        server.setHandler(new ApiHandler(gateway, docs, controls, cors == null ? null : new HttpApiCors(cors), requestLog));
        server.setErrorHandler(new UnreadableRequests());
        try {
            server.start();
        } catch (IOException e) {
            stopQuietly(server);
            throw e;
        } catch (Exception e) {
            stopQuietly(server);
            throw new IOException("the API server did not start on " + host + ":" + port, e);
        }
        return new ApiServer(server, connector);
    }

    public URI uri() {
        String host = connector.getHost();
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (IOException e) {
            address = null;
        }
        boolean local = host == null || address != null && (address.isAnyLocalAddress() || address.isLoopbackAddress());
        return URI.create("http://" + (local ? "localhost" : host) + ":" + connector.getLocalPort());
    }

    @Override
    public void close() {
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping is best effort: the port and threads go with the JVM at the latest
        }
    }
}
