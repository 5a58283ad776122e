package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static ru.rossgram.it.Concurrency.concurrently;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How long a 200 MB export takes to upload in 16 MiB parts (the default part size) through the local storage
 * (S3Proxy), one part at a time and four at once, and to complete. A measurement, not a check of behaviour: run it
 * with {@code -Drossgram.measure=true}; it prints its numbers.
 */
@ExtendWith(LocalEngines.class)
@EnabledIfSystemProperty(named = "rossgram.measure", matches = "true")
class ImportUploadSpeedTest extends Contract {
    private static final int SIZE = 200_000_000;

    ImportUploadSpeedTest() {
        super("ImportsFunction", Map.of());
    }

    @Test
    void uploading200MB_in16MiBParts() throws Exception {
        byte[] export = ImportUploadsContract.bytes(SIZE, 7);
        for (int connections : new int[] {1, 4}) {
            User user = hosts.signUp("speed");
            JsonNode file = user.ok("POST", "/v1/imports", "{\"files\": [{\"size\": " + SIZE + "}]}", 201).json().at("/files/0");
            String importId = user.ok("GET", "/v1/imports", null, 200).json().at("/items/0/importId").asText();
            long partSize = file.path("partSize").asLong();
            List<JsonNode> parts = new ArrayList<>();
            file.path("parts").forEach(parts::add);
            long start = System.nanoTime();
            concurrently(connections, parts.size(), i -> {
                JsonNode part = parts.get(i);
                int from = (int) ((part.path("partNumber").asInt() - 1L) * partSize);
                byte[] body = Arrays.copyOfRange(export, from, (int) (from + part.path("size").asLong()));
                assertEquals(200, PresignedUrl.put(URI.create(part.path("url").asText()), Map.of(), body).status());
                return null;
            });
            long uploaded = System.nanoTime();
            assertEquals("queued", user.ok("POST", "/v1/imports/" + importId + "/complete", null, 200).json().path("status").asText());
            long completed = System.nanoTime();
            System.out.printf("MEASURED import upload: %d bytes in %d parts of %d over %d connection(s): upload %d ms (%.1f MB/s), complete %d ms%n",
                    SIZE, parts.size(), partSize, connections, (uploaded - start) / 1_000_000,
                    SIZE / 1e6 / ((uploaded - start) / 1e9), (completed - uploaded) / 1_000_000);
        }
    }
}
