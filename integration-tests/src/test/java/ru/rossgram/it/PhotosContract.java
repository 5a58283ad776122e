package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rossgram.it.Concurrency.concurrently;
import static ru.rossgram.it.PresignedUrl.headers;
import static ru.rossgram.it.User.postBody;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import ru.rossgram.it.ApiDriver.Reply;
import ru.rossgram.local.FunctionHost;
import ru.rossgram.shared.media.MediaKeys;
import ru.rossgram.shared.media.PhotoRecord;
import ru.rossgram.shared.posts.PhotoResults;
import ru.rossgram.shared.posts.PhotoResults.Outcome;
import ru.rossgram.shared.uploads.Upload;
import ru.rossgram.shared.uploads.UploadRepository;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Photos, end to end: upload URLs from the create-upload function, bytes sent to the S3 server through them as
 * a phone sends them (the server checks the signature), posts through their functions' Lambda entry points, and
 * the thumbnail function's reports made here through {@link PhotoResults}, the service it will call.
 */
abstract class PhotosContract extends Contract {
    private static final long MAX_BYTES = 25L * 1024 * 1024;


    protected PhotosContract() {
        super("CreatePostFunction", Map.of());
    }

    // --- fixtures -------------------------------------------------------------------------------------------

    private PhotoResults photoResults() {
        return hosts.services().get(PhotoResults.class);
    }

    private S3Client s3() {
        return hosts.services().get(S3Client.class);
    }

    /** A signed-up user calling the API through {@code functions}. */
    private User signUp(FunctionHost functions) {
        return hosts.signUp(functions, "photo");
    }

    private User signUp() {
        return hosts.signUp("photo");
    }

    private static byte[] jpegBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        return bytes;
    }

    private static int put(URI url, Map<String, String> headers, byte[] body) {
        return PresignedUrl.put(url, headers, body).status();
    }

    private static int put(JsonNode ticket, byte[] body) {
        return PresignedUrl.put(ticket, body).status();
    }

    /** Uploaded photos: tickets issued and every photo sent through its URL. */
    private List<String> uploadedPhotos(User user, int count) throws Exception {
        int length = 2048;
        List<String> ids = new ArrayList<>();
        for (JsonNode ticket : user.uploads(count, length)) {
            assertEquals(200, put(ticket, jpegBytes(length)));
            ids.add(ticket.path("uploadId").asText());
        }
        return ids;
    }

    private static PhotoRecord processed(String userId, String uploadId) {
        return new PhotoRecord(4032, 3024, "#5a7d9a", "1QcSHQRnh493V4dIh4eXh1h4kJUI",
                List.of(new PhotoRecord.Rendition("w320", MediaKeys.thumbnailKey(userId, uploadId, "w320"), 320, 240),
                        new PhotoRecord.Rendition("w1080", MediaKeys.thumbnailKey(userId, uploadId, "w1080"), 1080, 810)));
    }

    private boolean exists(String key) {
        try {
            s3().headObject(r -> r.bucket(hosts.services().mediaBucket()).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }

    // --- upload URLs ------------------------------------------------------------------------------------------

    @Test
    void createUpload_issuesOnePutPerPhoto_signedForItsKeyTypeAndLength() {
        User user = signUp();
        Instant before = Instant.now();
        List<JsonNode> tickets = user.uploads(3, 123_456);
        assertEquals(3, tickets.size());
        Set<String> ids = new HashSet<>();
        for (JsonNode ticket : tickets) {
            String uploadId = ticket.path("uploadId").asText();
            assertTrue(uploadId.matches("[0-9A-HJKMNP-TV-Z]{26}"), uploadId);
            ids.add(uploadId);
            assertEquals("PUT", ticket.path("method").asText());
            URI url = URI.create(ticket.path("url").asText());
            assertTrue(url.getPath().endsWith("/originals/" + user.id() + "/" + uploadId), url.toString());
            assertTrue(url.getQuery().contains("X-Amz-Signature="), url.toString());
            assertEquals(Map.of("content-type", "image/jpeg", "content-length", "123456"), headers(ticket));
            Instant expiresAt = Instant.parse(ticket.path("expiresAt").asText());
            assertTrue(expiresAt.isAfter(before.plus(Duration.ofMinutes(14))) && expiresAt.isBefore(before.plus(Duration.ofMinutes(16))),
                    expiresAt.toString());
        }
        assertEquals(3, ids.size());
    }

    @Test
    void createUpload_urlsCarryNoChecksumParameters_whichYandexObjectStorageWouldRefuse() {
        for (JsonNode ticket : signUp().uploads(2, 123_456)) {
            String query = URI.create(ticket.path("url").asText()).getRawQuery().toLowerCase(Locale.ROOT);
            assertFalse(query.contains("x-amz-checksum-"), query);
            assertFalse(query.contains("x-amz-sdk-checksum-algorithm"), query);
            headers(ticket).keySet().forEach(name -> assertFalse(name.startsWith("x-amz-checksum-")
                    || name.equals("x-amz-sdk-checksum-algorithm"), name));
        }
    }

    /** YDB's TTL deletes an expired item only within about two days: until then, reads must see it as gone. */
    @Test
    void anUploadPastItsRetention_isGone_whileItsItemIsStillStored() throws Exception {
        User author = hosts.signUp(hosts.start(Map.of("ROSSGRAM_UPLOADS_RETENTION", "1s")), "ttl");
        String uploadId = author.uploads(1, 1000).get(0).path("uploadId").asText();
        Thread.sleep(2_100);

        assertEquals(404, author.send("GET", "/v1/uploads/" + uploadId, null).status());
        assertEquals("unknown-upload", author.createPost(postBody(List.of(uploadId), "")).problemType());
        Upload stored = hosts.services().get(UploadRepository.class).find(uploadId)
                .orElseThrow(() -> new AssertionError("the upload's item is gone: this test needs it still stored"));
        assertTrue(stored.expiredAt(Instant.now()));
    }

    @Test
    void createUpload_forAnAvatar_putsItUnderAvatars() {
        User user = signUp();
        Reply reply = user.askForUploads("{\"purpose\": \"avatar\", \"contentType\": \"image/png\", \"contentLength\": 5000}");
        assertEquals(201, reply.status(), reply.body());
        JsonNode ticket = reply.json().at("/uploads/0");
        assertEquals(1, reply.json().path("uploads").size());
        assertTrue(ticket.path("url").asText().contains("/avatars/" + user.id() + "/" + ticket.path("uploadId").asText() + "?"));
        assertEquals("image/png", ticket.at("/headers/content-type").asText());
    }

    @Test
    void createUpload_refusesHeicWithAdviceToSendJpeg_andOtherTypes() {
        User user = signUp();
        Reply heic = user.askForUploads("{\"purpose\": \"post\", \"contentType\": \"image/heic\", \"contentLength\": 1000}");
        assertEquals(422, heic.status(), heic.body());
        assertEquals("unsupported-image-type", heic.problemType());
        assertTrue(heic.json().path("detail").asText().contains("JPEG"), heic.body());
        for (String type : List.of("image/gif", "text/plain", "application/octet-stream", "")) {
            Reply reply = user.askForUploads("{\"purpose\": \"post\", \"contentType\": \"" + type + "\", \"contentLength\": 1000}");
            assertEquals(422, reply.status(), type);
            assertEquals("unsupported-image-type", reply.problemType());
            assertFalse(reply.json().path("detail").asText().contains("HEIC"));
        }
    }

    @Test
    void createUpload_refusesBadLengthsCountsAndPurposes() {
        User user = signUp();
        Function<String, Reply> ask = user::askForUploads;
        Reply tooLarge = ask.apply("{\"purpose\": \"post\", \"contentType\": \"image/jpeg\", \"contentLength\": " + (MAX_BYTES + 1) + "}");
        assertEquals(422, tooLarge.status());
        assertEquals("upload-too-large", tooLarge.problemType());
        assertEquals(MAX_BYTES, tooLarge.json().path("maxBytes").asLong());
        assertEquals(201, ask.apply("{\"purpose\": \"post\", \"contentType\": \"image/jpeg\", \"contentLength\": " + MAX_BYTES + "}").status());

        Reply tooMany = ask.apply("{\"purpose\": \"post\", \"contentType\": \"image/jpeg\", \"contentLength\": 10, \"count\": 11}");
        assertEquals(422, tooMany.status());
        assertEquals("too-many-photos", tooMany.problemType());
        assertEquals(10, tooMany.json().path("maxPhotos").asInt());

        Map<String, String> invalid = Map.of(
                "{\"purpose\": \"post\", \"contentType\": \"image/jpeg\", \"contentLength\": 0}", "contentLength",
                "{\"purpose\": \"post\", \"contentType\": \"image/jpeg\", \"contentLength\": -5}", "contentLength",
                "{\"purpose\": \"post\", \"contentType\": \"image/jpeg\"}", "contentLength",
                "{\"purpose\": \"post\", \"contentType\": \"image/jpeg\", \"contentLength\": 10, \"count\": 0}", "count",
                "{\"purpose\": \"avatar\", \"contentType\": \"image/jpeg\", \"contentLength\": 10, \"count\": 2}", "count",
                "{\"purpose\": \"story\", \"contentType\": \"image/jpeg\", \"contentLength\": 10}", "purpose",
                "{\"contentType\": \"image/jpeg\", \"contentLength\": 10}", "purpose",
                "{\"purpose\": \"post\", \"contentType\": \"image/jpeg\", \"contentLength\": 10, \"key\": \"originals/x\"}", "key");
        invalid.forEach((body, field) -> {
            Reply reply = ask.apply(body);
            assertEquals(400, reply.status(), body + " -> " + reply.body());
            assertEquals("invalid-request", reply.problemType());
            assertEquals(field, reply.json().at("/errors/0/field").asText(), reply.body());
        });
    }

    @Test
    void createUpload_requiresSignIn() {
        Reply reply = hosts.api().post("/v1/uploads",
                "{\"purpose\": \"post\", \"contentType\": \"image/jpeg\", \"contentLength\": 10}");
        assertEquals(401, reply.status());
        assertEquals("unauthorized", reply.problemType());
    }

    // --- the S3 server enforces what the URL was signed for ---------------------------------------------------

    @Test
    void aPhotoSentThroughItsUrl_isStoredExactlyAsDeclared() throws Exception {
        User user = signUp();
        JsonNode ticket = user.uploads(1, 4096).get(0);
        byte[] photo = jpegBytes(4096);
        assertEquals(200, put(ticket, photo));

        String key = MediaKeys.originalKey(user.id(), ticket.path("uploadId").asText());
        var stored = s3().getObjectAsBytes(r -> r.bucket(hosts.services().mediaBucket()).key(key));
        assertArrayEquals(photo, stored.asByteArray());
        assertEquals("image/jpeg", stored.response().contentType());
    }

    @Test
    void theS3Server_refusesTheUrl_withAnotherTypeLengthOrSignature() throws Exception {
        User user = signUp();
        JsonNode ticket = user.uploads(1, 4096).get(0);
        URI url = URI.create(ticket.path("url").asText());

        Map<String, String> png = new HashMap<>(headers(ticket));
        png.put("content-type", "image/png");
        assertEquals(403, put(url, png, jpegBytes(4096)), "another content type");
        assertEquals(403, put(url, headers(ticket), jpegBytes(4097)), "a longer body");
        assertEquals(403, put(url, headers(ticket), jpegBytes(4095)), "a shorter body");

        String signed = url.toString();
        int at = signed.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length();
        String tampered = signed.substring(0, at) + (signed.charAt(at) == '0' ? '1' : '0') + signed.substring(at + 1);
        assertEquals(403, put(URI.create(tampered), headers(ticket), jpegBytes(4096)), "a tampered signature");
        String otherKey = signed.replace("/originals/" + user.id() + "/", "/originals/" + user.id() + "/x");
        assertEquals(403, put(URI.create(otherKey), headers(ticket), jpegBytes(4096)), "another key");

        assertFalse(exists(MediaKeys.originalKey(user.id(), ticket.path("uploadId").asText())));
        assertEquals(200, put(ticket, jpegBytes(4096)), "the URL itself still works");
    }

    @Test
    void theS3Server_refusesTheUrl_afterItExpires() throws Exception {
        FunctionHost shortLived = hosts.start(Map.of("ROSSGRAM_UPLOADS_URL_TTL", "1s"));
        User user = signUp(shortLived);
        JsonNode ticket = user.uploads(1, 1000).get(0);
        Instant expiresAt = Instant.parse(ticket.path("expiresAt").asText());
        assertTrue(expiresAt.isBefore(Instant.now().plusSeconds(3)), expiresAt.toString());
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis()) + 1500);
        assertEquals(403, put(ticket, jpegBytes(1000)));
        assertFalse(exists(MediaKeys.originalKey(user.id(), ticket.path("uploadId").asText())));
    }

    // --- creating posts ---------------------------------------------------------------------------------------

    @Test
    void createPost_isProcessing_visibleOnlyToItsAuthor_withTagsFromTheCaption() throws Exception {
        User author = signUp();
        User other = signUp();
        List<String> uploads = uploadedPhotos(author, 2);
        Reply created = author.createPost(postBody(uploads, """
                "caption": "  Белые ночи #Питер #white_nights и снова #ПИТЕР с @Masha.Petrova и @masha.petrova. ",
                "altTexts": ["Разведённый мост", ""], "location": "Санкт-Петербург\""""));
        assertEquals(201, created.status(), created.body());
        JsonNode post = created.json();
        String postId = post.path("id").asText();
        assertEquals("processing", post.path("status").asText());
        assertEquals("Белые ночи #Питер #white_nights и снова #ПИТЕР с @Masha.Petrova и @masha.petrova.", post.path("caption").asText());
        assertEquals(List.of("питер", "white_nights"), strings(post.path("hashtags")));
        assertEquals(List.of("masha.petrova"), strings(post.path("mentions")));
        assertEquals("Санкт-Петербург", post.path("location").asText());
        assertEquals(author.id(), post.at("/author/id").asText());
        assertEquals(author.username(), post.at("/author/username").asText());
        assertEquals("Маша Петрова", post.at("/author/displayName").asText());
        assertEquals(2, post.path("photos").size());
        assertEquals("Разведённый мост", post.at("/photos/0/altText").asText());
        assertTrue(post.at("/photos/1/altText").isMissingNode());
        assertTrue(post.at("/photos/0/width").isMissingNode());
        assertEquals(0, post.at("/photos/0/urls").size());

        Reply mine = author.send("GET", "/v1/posts/" + postId, null);
        assertEquals(200, mine.status(), mine.body());
        assertEquals("processing", mine.json().path("status").asText());
        Reply theirs = other.send("GET", "/v1/posts/" + postId, null);
        assertEquals(404, theirs.status());
        assertEquals("not-found", theirs.problemType());
        assertEquals(401, hosts.api().send("GET", "/v1/posts/" + postId, null, Map.of()).status());
    }

    @Test
    void createPost_refusesInvalidBodies_namingTheField() throws Exception {
        User user = signUp();
        List<String> one = uploadedPhotos(user, 1);
        Map<String, String> invalid = new HashMap<>();
        invalid.put("{\"uploads\": []}", "uploads");
        invalid.put("{\"caption\": \"no photos\"}", "uploads");
        invalid.put(postBody(List.of(one.get(0), one.get(0)), ""), "uploads[1]");
        invalid.put(postBody(one, "\"caption\": \"" + "я".repeat(2201) + "\""), "caption");
        invalid.put(postBody(one, "\"altTexts\": [\"a\", \"b\"]"), "altTexts");
        invalid.put(postBody(one, "\"altTexts\": [\"" + "a".repeat(1001) + "\"]"), "altTexts[0]");
        invalid.put(postBody(one, "\"location\": \"" + "м".repeat(101) + "\""), "location");
        invalid.put(postBody(one, "\"price\": 99"), "price"); // kopecks: at least one rouble
        invalid.put(postBody(one, "\"price\": 10000001"), "price");
        invalid.put(postBody(one, "\"price\": 19950.5"), "price"); // never truncated to 19950
        invalid.put(postBody(one, "\"filter\": \"clarendon\""), "filter");
        invalid.forEach((body, field) -> {
            Reply reply = user.createPost(body);
            assertEquals(400, reply.status(), body.substring(0, Math.min(120, body.length())) + " -> " + reply.body());
            assertEquals(field, reply.json().at("/errors/0/field").asText(), reply.body());
        });
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(one.get(0).substring(0, 24) + String.format("%02d", i));
        }
        Reply tooMany = user.createPost(postBody(eleven, ""));
        assertEquals(422, tooMany.status());
        assertEquals("too-many-photos", tooMany.problemType());

        // The longest caption allowed is fine, and nothing above consumed the upload.
        Reply ok = user.createPost(postBody(one, "\"caption\": \"" + "я".repeat(2200) + "\""));
        assertEquals(201, ok.status(), ok.body());
    }

    @Test
    void createPost_refusesUploadsThatAreNotTheCallersToUse() throws Exception {
        User user = signUp();
        User other = signUp();
        List<String> theirs = uploadedPhotos(other, 1);
        Reply someoneElses = user.createPost(postBody(theirs, ""));
        assertEquals(422, someoneElses.status());
        assertEquals("unknown-upload", someoneElses.problemType());
        assertEquals(theirs.get(0), someoneElses.json().path("uploadId").asText());

        for (String id : List.of("01JD4B5Y8F2W6R0T3P9K7M1XQA", "not-an-upload-id")) {
            Reply unknown = user.createPost(postBody(List.of(id), ""));
            assertEquals(422, unknown.status(), unknown.body());
            assertEquals("unknown-upload", unknown.problemType());
        }

        Reply avatarTicket = user.askForUploads("{\"purpose\": \"avatar\", \"contentType\": \"image/jpeg\", \"contentLength\": 100}");
        JsonNode avatar = avatarTicket.json().at("/uploads/0");
        assertEquals(200, put(avatar, jpegBytes(100)));
        Reply avatarInPost = user.createPost(postBody(List.of(avatar.path("uploadId").asText()), ""));
        assertEquals(422, avatarInPost.status());
        assertEquals("unknown-upload", avatarInPost.problemType());
        assertTrue(avatarInPost.json().path("detail").asText().contains("avatar"));

        String neverSent = user.uploads(1, 100).get(0).path("uploadId").asText();
        Reply notReceived = user.createPost(postBody(List.of(neverSent), ""));
        assertEquals(409, notReceived.status());
        assertEquals("upload-not-received", notReceived.problemType());

        // The other user's upload is still theirs to post.
        assertEquals(201, other.createPost(postBody(theirs, "")).status());
    }

    @Test
    void createPost_refusesAnUploadAlreadyInAPost() throws Exception {
        User user = signUp();
        List<String> uploads = uploadedPhotos(user, 2);
        assertEquals(201, user.createPost(postBody(uploads.subList(0, 1), "")).status());
        Reply again = user.createPost(postBody(uploads, ""));
        assertEquals(409, again.status(), again.body());
        assertEquals("upload-already-attached", again.problemType());
        assertEquals(uploads.get(0), again.json().path("uploadId").asText());
        // The refused post took nothing: the second upload is still free.
        assertEquals(201, user.createPost(postBody(uploads.subList(1, 2), "")).status());
    }

    @Test
    void postsRacingForOneUpload_exactlyOneGetsIt() throws Exception {
        User user = signUp();
        List<String> uploads = uploadedPhotos(user, 1);
        List<Reply> replies = concurrently(8, i -> user.createPost(postBody(uploads, "\"caption\": \"attempt " + i + "\"")));
        long created = replies.stream().filter(r -> r.status() == 201).count();
        assertEquals(1, created, replies.toString());
        for (Reply reply : replies) {
            if (reply.status() != 201) {
                assertEquals(409, reply.status(), reply.body());
                assertEquals("upload-already-attached", reply.problemType());
            }
        }
    }

    // --- processing results -----------------------------------------------------------------------------------

    @Test
    void recordReady_forEveryPhoto_publishesThePost_forEveryoneToSee() throws Exception {
        User author = signUp();
        User reader = signUp();
        List<String> uploads = uploadedPhotos(author, 2);
        String postId = author.createPost(postBody(uploads, "\"altTexts\": [\"Мост\", \"Шпиль\"]")).json().path("id").asText();

        assertEquals(Outcome.RECORDED, photoResults().recordReady(uploads.get(0), processed(author.id(), uploads.get(0))));
        assertEquals(404, reader.send("GET", "/v1/posts/" + postId, null).status(), "still processing");
        JsonNode half = author.send("GET", "/v1/posts/" + postId, null).json();
        assertEquals("processing", half.path("status").asText());
        assertEquals(4032, half.at("/photos/0/width").asInt());
        assertTrue(half.at("/photos/1/width").isMissingNode());

        assertEquals(Outcome.POST_PUBLISHED, photoResults().recordReady(uploads.get(1), processed(author.id(), uploads.get(1))));
        assertEquals(Outcome.ALREADY_RECORDED, photoResults().recordReady(uploads.get(1), processed(author.id(), uploads.get(1))));

        byte[] thumbnail = jpegBytes(1500);
        String w320 = MediaKeys.thumbnailKey(author.id(), uploads.get(1), "w320");
        s3().putObject(r -> r.bucket(hosts.services().mediaBucket()).key(w320).contentType("image/jpeg"), RequestBody.fromBytes(thumbnail));

        Reply seen = reader.send("GET", "/v1/posts/" + postId, null);
        assertEquals(200, seen.status(), seen.body());
        JsonNode post = seen.json();
        assertEquals("published", post.path("status").asText());
        assertFalse(post.path("publishedAt").isMissingNode());
        assertTrue(post.path("failureReason").isMissingNode());
        JsonNode photo = post.at("/photos/1");
        assertEquals(4032, photo.path("width").asInt());
        assertEquals(3024, photo.path("height").asInt());
        assertEquals("#5a7d9a", photo.path("dominantColor").asText());
        assertEquals("1QcSHQRnh493V4dIh4eXh1h4kJUI", photo.path("placeholder").asText());
        assertEquals("Шпиль", photo.path("altText").asText());
        assertEquals(List.of("w320", "w1080"), iterableNames(photo.path("urls")));

        HttpResponse<byte[]> download = PresignedUrl.download(photo.at("/urls/w320").asText());
        assertEquals(200, download.statusCode());
        assertArrayEquals(thumbnail, download.body());
    }

    @Test
    void tenPhotosFinishingAtOnce_publishTheirPostExactlyOnce() throws Exception {
        User author = signUp();
        List<String> uploads = uploadedPhotos(author, 10);
        String postId = author.createPost(postBody(uploads, "")).json().path("id").asText();

        List<Outcome> outcomes = concurrently(10, i -> photoResults().recordReady(uploads.get(i), processed(author.id(), uploads.get(i))));
        assertEquals(1, outcomes.stream().filter(o -> o == Outcome.POST_PUBLISHED).count(), outcomes.toString());
        assertEquals(9, outcomes.stream().filter(o -> o == Outcome.RECORDED).count(), outcomes.toString());

        JsonNode post = signUp().send("GET", "/v1/posts/" + postId, null).json();
        assertEquals("published", post.path("status").asText());
        post.path("photos").forEach(photo -> assertEquals(2, photo.path("urls").size()));
        // The largest transaction we write: the post, its ten uploads and its author's count, all or nothing.
        assertEquals(204, author.send("DELETE", "/v1/posts/" + postId, null).status());
    }

    @Test
    void photosProcessedBeforeThePostExists_makeItPublishedAtOnce() throws Exception {
        User author = signUp();
        List<String> uploads = uploadedPhotos(author, 2);
        for (String upload : uploads) {
            assertEquals(Outcome.RECORDED, photoResults().recordReady(upload, processed(author.id(), upload)));
        }
        Reply created = author.createPost(postBody(uploads, ""));
        assertEquals(201, created.status(), created.body());
        assertEquals("published", created.json().path("status").asText());
        assertEquals(2, created.json().at("/photos/1/urls").size());
        assertEquals(200, signUp().send("GET", "/v1/posts/" + created.json().path("id").asText(), null).status());
    }

    @Test
    void recordRejected_failsThePost_withTheReason_shownOnlyToItsAuthor() throws Exception {
        User author = signUp();
        User other = signUp();
        List<String> uploads = uploadedPhotos(author, 2);
        String postId = author.createPost(postBody(uploads, "")).json().path("id").asText();

        assertEquals(Outcome.POST_FAILED, photoResults().recordRejected(uploads.get(1), "not a decodable image"));
        assertEquals(Outcome.ALREADY_RECORDED, photoResults().recordRejected(uploads.get(1), "again"));
        assertEquals(Outcome.RECORDED, photoResults().recordReady(uploads.get(0), processed(author.id(), uploads.get(0))));

        JsonNode post = author.send("GET", "/v1/posts/" + postId, null).json();
        assertEquals("failed", post.path("status").asText());
        assertEquals("Photo 2: not a decodable image", post.path("failureReason").asText());
        assertEquals(404, other.send("GET", "/v1/posts/" + postId, null).status());
    }

    @Test
    void aPostOfSeveralBadPhotos_isRefusedForTheFirstInTheOrderGiven() throws Exception {
        User author = signUp();
        String neverSent = author.uploads(1, 100).get(0).path("uploadId").asText();
        List<String> rejected = uploadedPhotos(author, 1);
        assertEquals(Outcome.RECORDED, photoResults().recordRejected(rejected.get(0), "not a decodable image"));

        Reply first = author.createPost(postBody(List.of(neverSent, rejected.get(0)), ""));
        assertEquals("upload-not-received", first.problemType(), first.body());
        assertEquals(neverSent, first.json().path("uploadId").asText());
        Reply reversed = author.createPost(postBody(List.of(rejected.get(0), neverSent), ""));
        assertEquals("upload-rejected", reversed.problemType(), reversed.body());
    }

    @Test
    void anUploadRejectedBeforeItsPost_isRefusedWhenThePostIsCreated() throws Exception {
        User author = signUp();
        List<String> uploads = uploadedPhotos(author, 1);
        assertEquals(Outcome.RECORDED, photoResults().recordRejected(uploads.get(0), "image is 20000x20000 pixels; the limit is 100 megapixels"));
        Reply refused = author.createPost(postBody(uploads, ""));
        assertEquals(422, refused.status());
        assertEquals("upload-rejected", refused.problemType());
        assertTrue(refused.json().path("detail").asText().contains("100 megapixels"));
    }

    @Test
    void resultsForUnknownUploads_sayTheUploadIsGone() {
        assertEquals(Outcome.UPLOAD_GONE, photoResults().recordRejected("01JD4B5Y8F2W6R0T3P9K7M1XQA", "x"));
        String user = "01JD3Z6Q0V8X2K4M6N8P0R2T4W";
        assertEquals(Outcome.UPLOAD_GONE, photoResults().recordReady("01JD4B5Y8F2W6R0T3P9K7M1XQA", processed(user, "01JD4B5Y8F2W6R0T3P9K7M1XQA")));
    }

    // --- reading, editing and deleting ------------------------------------------------------------------------

    @Test
    void malformedOrUnknownPostIds_are404_forEveryMethod() {
        User user = signUp();
        for (String id : List.of("not-a-post", "01jd4b7m2k9qh3v5x8z0c6n1tr", "01JD4B7M2K9QH3V5X8Z0C6N1TR", "01JD4B7M2K9QH3V5X8Z0C6N1TR0", "..")) {
            assertEquals(404, user.send("GET", "/v1/posts/" + id, null).status(), id);
            assertEquals(404, user.send("PATCH", "/v1/posts/" + id, "{\"caption\": \"x\"}").status(), id);
            Reply delete = user.send("DELETE", "/v1/posts/" + id, null);
            assertEquals(404, delete.status(), id);
            assertEquals("not-found", delete.problemType());
        }
    }

    @Test
    void patchPost_changesCaptionAndAltTexts_forTheAuthorOnly() throws Exception {
        User author = signUp();
        User other = signUp();
        List<String> uploads = uploadedPhotos(author, 2);
        String postId = author.createPost(postBody(uploads, "\"caption\": \"#старое\", \"location\": \"Казань\"")).json().path("id").asText();
        String path = "/v1/posts/" + postId;

        Reply caption = author.send("PATCH", path, "{\"caption\": \"Закат над Волгой #Волга #закат @friend_1\"}");
        assertEquals(200, caption.status(), caption.body());
        assertEquals(List.of("волга", "закат"), strings(caption.json().path("hashtags")));
        assertEquals(List.of("friend_1"), strings(caption.json().path("mentions")));
        assertEquals("Казань", caption.json().path("location").asText());

        Reply alts = author.send("PATCH", path, "{\"altTexts\": [\"Волга\", \"Кремль\"]}");
        assertEquals(200, alts.status(), alts.body());
        assertEquals("Кремль", alts.json().at("/photos/1/altText").asText());
        assertEquals("Закат над Волгой #Волга #закат @friend_1", alts.json().path("caption").asText());

        assertEquals(404, other.send("PATCH", path, "{\"caption\": \"hijacked\"}").status());
        assertEquals(400, author.send("PATCH", path, "{}").status());
        assertEquals(400, author.send("PATCH", path, "{\"altTexts\": [\"only one\"]}").status());
        assertEquals(400, author.send("PATCH", path, "{\"location\": \"Москва\"}").status());
        assertEquals(400, author.send("PATCH", path, "{\"caption\": \"" + "x".repeat(2201) + "\"}").status());
        assertEquals(401, author.api().send("PATCH", path, "{\"caption\": \"x\"}", Map.of("content-type", "application/json")).status());
        assertEquals("Закат над Волгой #Волга #закат @friend_1", author.send("GET", path, null).json().path("caption").asText());
    }

    @Test
    void concurrentEdits_eachSucceedOrGetConflict_andTheCaptionKeepsItsTags() throws Exception {
        User author = signUp();
        String postId = author.createPost(postBody(uploadedPhotos(author, 1), "")).json().path("id").asText();
        AtomicInteger conflicts = new AtomicInteger();
        List<Reply> replies = concurrently(8, i -> author.send("PATCH", "/v1/posts/" + postId, "{\"caption\": \"#edit" + i + "\"}"));
        Set<String> applied = new HashSet<>();
        for (Reply reply : replies) {
            if (reply.status() == 200) {
                applied.add(reply.json().path("caption").asText());
            } else {
                assertEquals(409, reply.status(), reply.body());
                assertEquals("concurrent-update", reply.problemType());
                conflicts.incrementAndGet();
            }
        }
        assertFalse(applied.isEmpty());
        JsonNode post = author.send("GET", "/v1/posts/" + postId, null).json();
        String caption = post.path("caption").asText();
        assertTrue(applied.contains(caption), caption + " not among " + applied);
        assertEquals(List.of(caption.substring(1)), strings(post.path("hashtags")));
    }

    @Test
    void deletePost_removesThePostItsUploadsAndEveryObject_andASecondDeleteIs404() throws Exception {
        User author = signUp();
        User other = signUp();
        List<String> uploads = uploadedPhotos(author, 2);
        String postId = author.createPost(postBody(uploads, "")).json().path("id").asText();
        PhotoRecord first = processed(author.id(), uploads.get(0));
        assertEquals(Outcome.RECORDED, photoResults().recordReady(uploads.get(0), first));
        List<String> keys = new ArrayList<>();
        for (String upload : uploads) {
            keys.add(MediaKeys.originalKey(author.id(), upload));
        }
        for (PhotoRecord.Rendition rendition : first.renditions()) {
            s3().putObject(r -> r.bucket(hosts.services().mediaBucket()).key(rendition.key()), RequestBody.fromBytes(jpegBytes(300)));
            keys.add(rendition.key());
        }
        keys.forEach(key -> assertTrue(exists(key), key));

        String path = "/v1/posts/" + postId;
        assertEquals(404, other.send("DELETE", path, null).status());
        assertEquals(200, author.send("GET", path, null).status(), "a stranger's delete changed nothing");

        Reply deleted = author.send("DELETE", path, null);
        assertEquals(204, deleted.status(), deleted.body());
        assertEquals("", deleted.body());
        keys.forEach(key -> assertFalse(exists(key), key));
        assertEquals(404, author.send("GET", path, null).status());
        assertEquals(404, author.send("DELETE", path, null).status());

        // The uploads went with it: they cannot be posted again, and a late result finds nothing to record.
        assertEquals("unknown-upload", author.createPost(postBody(uploads.subList(1, 2), "")).problemType());
        assertEquals(Outcome.UPLOAD_GONE, photoResults().recordReady(uploads.get(1), processed(author.id(), uploads.get(1))));
    }

    @Test
    void withAPublicMediaBaseUrl_thumbnailUrlsAreThatBasePlusTheKey() throws Exception {
        FunctionHost cdn = hosts.start(Map.of("ROSSGRAM_MEDIA_PUBLIC_BASE_URL", "https://media.rossgram.example/"));
        User author = signUp(cdn);
        List<String> uploads = uploadedPhotos(author, 1);
        assertEquals(Outcome.RECORDED, photoResults().recordReady(uploads.get(0), processed(author.id(), uploads.get(0))));
        Reply created = author.createPost(postBody(uploads, ""));
        assertEquals(201, created.status(), created.body());
        assertEquals("https://media.rossgram.example/" + MediaKeys.thumbnailKey(author.id(), uploads.get(0), "w320"),
                created.json().at("/photos/0/urls/w320").asText());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    private static List<String> iterableNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
