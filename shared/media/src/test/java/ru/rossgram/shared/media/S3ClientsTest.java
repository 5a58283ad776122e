package ru.rossgram.shared.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.config.RossgramConfig;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * What our S3 clients put on the wire, seen by a server that records it: Yandex Object Storage requires
 * {@code Content-MD5} on DeleteObjects (the SDK sends a CRC32 instead since 2.30) and refuses checksum
 * parameters it does not know on a presigned PUT.
 */
class S3ClientsTest {
    private static final RossgramConfig CONFIG = new RossgramConfig("table", "media", true,
            "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldC0=", Duration.ofMinutes(5), Duration.ofDays(30),
            Duration.ofSeconds(10));
    private static final String DELETED = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<DeleteResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"></DeleteResult>";

    private final AtomicReference<Headers> headers = new AtomicReference<>();
    private final AtomicReference<byte[]> body = new AtomicReference<>();
    private HttpServer server;
    private S3Clients clients;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                headers.set(exchange.getRequestHeaders());
                body.set(exchange.getRequestBody().readAllBytes());
                byte[] answer = DELETED.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/xml");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        server.start();
        clients = new S3Clients(Region.of("ru-central1"),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")),
                "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void deleteObjects_sendsTheContentMd5OfItsBody() throws Exception {
        try (S3Client s3 = clients.s3(UrlConnectionHttpClient.create(), CONFIG)) {
            s3.deleteObjects(r -> r.bucket("media").delete(d -> d.quiet(true).objects(
                    ObjectIdentifier.builder().key("originals/u/1").build(), ObjectIdentifier.builder().key("originals/u/2").build())));
        }
        String md5 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(body.get()));
        // The SDK still adds its CRC32 beside it (the operation requires a checksum; the plugin adds MD5, it removes
        // nothing): Yandex documents only that Content-MD5 must be there.
        assertEquals(md5, headers.get().getFirst("Content-MD5"));
    }

    @Test
    void aPresignedPut_carriesNoChecksumParameters() {
        try (S3Presigner presigner = clients.s3Presigner(CONFIG)) {
            String query = presigner.presignPutObject(r -> r.signatureDuration(Duration.ofMinutes(15))
                    .putObjectRequest(put -> put.bucket("media").key("originals/u/1").contentType("image/jpeg")
                            .contentLength(123L))).url().getQuery().toLowerCase(Locale.ROOT);
            assertTrue(query.contains("x-amz-signature="), query);
            assertFalse(query.contains("x-amz-checksum-"), query);
            assertFalse(query.contains("x-amz-sdk-checksum-algorithm"), query);
        }
    }
}
