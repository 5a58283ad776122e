package ru.rossgram.benchmarks.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * One import as the app drives it, timed: start ({@code POST /v1/imports}), every part PUT to its presigned URL
 * (asking the parts listing for URLs past the first hundred), complete, then {@code GET /v1/imports/{id}} once a
 * second until the import is completed, then its whole report every three seconds until no imported post is still
 * processing.
 *
 * @param parts          parts uploaded
 * @param uploadNanos    from the start request to the last part stored
 * @param completeNanos  the complete request
 * @param importedNanos  from the complete request's answer until the import read completed
 * @param publishedNanos from the complete request's answer until every imported post read published (or failed)
 * @param done           the completed import as last read (progress, status)
 * @param published      imported posts published
 * @param failedPosts    imported posts whose thumbnails failed
 */
record ImportTimeline(int parts, long uploadNanos, long completeNanos, long importedNanos, long publishedNanos,
                      JsonNode done, int published, int failedPosts) {

    static ImportTimeline run(BenchmarkApi api, BenchmarkExport export) throws IOException, InterruptedException {
        long started = System.nanoTime();
        JsonNode created = api.call("POST", "/v1/imports", "{\"files\": [{\"size\": " + export.bytes() + "}]}", 201);
        String id = created.path("importId").asText();
        JsonNode file = created.at("/files/0");
        long partSize = file.path("partSize").asLong();
        int partCount = file.path("partCount").asInt();
        JsonNode urls = file.path("parts");
        int uploaded = 0;
        while (true) {
            for (JsonNode url : urls) {
                long offset = (url.path("partNumber").asLong() - 1) * partSize;
                api.put(url.path("url").asText(), ImportBenchmark.part(export.file(), offset, url.path("size").asInt()));
                uploaded++;
            }
            if (uploaded >= partCount) {
                break;
            }
            urls = api.call("GET", "/v1/imports/" + id + "/files/0/parts", null, 200).path("missing");
        }
        long stored = System.nanoTime();
        api.call("POST", "/v1/imports/" + id + "/complete", null, 200);
        long completed = System.nanoTime();
        System.out.printf("uploaded %d parts in %.1f s, completed in %.1f s%n", uploaded, (stored - started) / 1e9,
                (completed - stored) / 1e9);

        JsonNode status;
        while (true) {
            status = api.call("GET", "/v1/imports/" + id + "?limit=1", null, 200);
            String now = status.path("status").asText();
            if (now.equals("completed") || now.equals("failed")) {
                break;
            }
            Thread.sleep(1_000);
        }
        long imported = System.nanoTime();
        System.out.printf("import %s after %.1f s: %s%n", status.path("status").asText(), (imported - completed) / 1e9,
                status.path("progress"));
        if (!status.path("status").asText().equals("completed")) {
            throw new IllegalStateException("the import failed: " + status);
        }

        int[] counts;
        while (true) {
            counts = postStatuses(api, id);
            if (counts[0] == 0) {
                break;
            }
            System.out.printf("  %d published, %d processing%n", counts[1], counts[0]);
            Thread.sleep(3_000);
        }
        long published = System.nanoTime();
        return new ImportTimeline(uploaded, stored - started, completed - stored, imported - completed,
                published - completed, status, counts[1], counts[2]);
    }

    /** The report's imported posts by their status now: processing, published, failed. */
    private static int[] postStatuses(BenchmarkApi api, String id) throws IOException, InterruptedException {
        int[] counts = new int[3];
        String cursor = null;
        do {
            JsonNode page = api.call("GET", "/v1/imports/" + id + "?limit=50"
                    + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8)),
                    null, 200);
            for (JsonNode line : page.at("/report/items")) {
                switch (line.path("postStatus").asText("")) {
                    case "processing" -> counts[0]++;
                    case "published" -> counts[1]++;
                    case "failed" -> counts[2]++;
                    default -> { }
                }
            }
            cursor = page.at("/report/nextCursor").isTextual() ? page.at("/report/nextCursor").asText() : null;
        } while (cursor != null);
        return counts;
    }
}
