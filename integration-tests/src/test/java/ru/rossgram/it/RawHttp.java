package ru.rossgram.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import ru.rossgram.it.ApiDriver.Reply;

/**
 * One HTTP/1.1 exchange over a plain socket, with the request-target written exactly as given. A client that
 * builds a {@link URI} first (the JDK's {@code HttpClient}) cannot even send {@code /v1/users/%zz}, which a phone's
 * buggy encoder or an attacker sends easily; this can, so tests see what the server answers to it.
 */
final class RawHttp {
    private RawHttp() {
    }

    static Reply send(URI base, String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
            head.append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
            head.append("Connection: close\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (body.length > 0) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            return read(socket.getInputStream());
        }
    }

    /** The response, read to the end of the connection (the request asked to close it). */
    private static Reply read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        int end = headEnd(all);
        String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim(),
                    (a, b) -> a + "," + b);
        }
        if (headers.getOrDefault("transfer-encoding", "").contains("chunked")) {
            throw new IOException("a chunked response; this client reads only whole ones");
        }
        return new Reply(status, headers, new String(all, end + 4, all.length - end - 4, StandardCharsets.UTF_8));
    }

    private static int headEnd(byte[] response) throws IOException {
        for (int i = 0; i + 3 < response.length; i++) {
            if (response[i] == '\r' && response[i + 1] == '\n' && response[i + 2] == '\r' && response[i + 3] == '\n') {
                return i;
            }
        }
        throw new IOException("no complete response head: " + new String(response, StandardCharsets.ISO_8859_1));
    }
}
