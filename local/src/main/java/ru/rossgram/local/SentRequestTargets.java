package ru.rossgram.local;

import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * Jetty's HTTP/1.1 connections, except that a request-target Jetty cannot parse still reaches {@link ApiHandler}
 * as it was sent. Jetty's URI parser throws on a malformed percent-escape in the path ({@code %zz}, a trailing
 * {@code %}) whatever the {@code UriCompliance}, and its connection then answers {@code 400} before any handler
 * runs, so the gateway could not name the parameter at fault. Here Jetty gets a stand-in with every {@code %}
 * escaped, which it parses, and the target as sent rides along on the connection for {@link #sentPath} and
 * {@link #sentQuery}. An HTTP/1.1 connection carries one request at a time, so the attribute is that request's.
 */
final class SentRequestTargets extends HttpConnectionFactory {
    private static final String UNPARSEABLE_TARGET = SentRequestTargets.class.getName() + ".unparseable";

    SentRequestTargets(HttpConfiguration configuration) {
        super(configuration);
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        HttpConnection connection = new HttpConnection(getHttpConfiguration(), connector, endPoint) {
            @Override
            protected HttpStreamOverHTTP1 newHttpStream(String method, String target, HttpVersion version) {
                removeAttribute(UNPARSEABLE_TARGET);
                try {
                    return super.newHttpStream(method, target, version);
                } catch (IllegalArgumentException unparseable) {
                    if (target == null || !target.startsWith("/")) {
                        throw unparseable; // not an origin-form path: Jetty answers it, through UnreadableRequests
                    }
                    HttpConnection.HttpStreamOverHTTP1 stream = super.newHttpStream(method, target.replace("%", "%25"), version);
                    setAttribute(UNPARSEABLE_TARGET, target);
                    return stream;
                }
            }
        };
        connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
        return configure(connection, connector, endPoint);
    }

    /** The path as the client sent it, percent-escapes and all. */
    static String sentPath(Request request) {
        String target = unparseableTarget(request);
        if (target == null) {
            return request.getHttpURI().getPath();
        }
        int end = firstOf(target, '?', '#');
        return target.substring(0, end);
    }

    /** The query as the client sent it, or null when there was none. */
    static String sentQuery(Request request) {
        String target = unparseableTarget(request);
        if (target == null) {
            return request.getHttpURI().getQuery();
        }
        int question = target.indexOf('?');
        int fragment = target.indexOf('#');
        if (question < 0 || fragment >= 0 && fragment < question) {
            return null;
        }
        return target.substring(question + 1, fragment < 0 ? target.length() : fragment);
    }

    /** The request-target as sent, for the log. */
    static String sentTarget(Request request) {
        String target = unparseableTarget(request);
        return target != null ? target : request.getHttpURI().getPathQuery();
    }

    private static String unparseableTarget(Request request) {
        return (String) request.getConnectionMetaData().getAttribute(UNPARSEABLE_TARGET);
    }

    private static int firstOf(String text, char a, char b) {
        int i = text.indexOf(a);
        int j = text.indexOf(b);
        return i < 0 ? (j < 0 ? text.length() : j) : (j < 0 ? i : Math.min(i, j));
    }
}
