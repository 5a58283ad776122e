package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static ru.rossgram.imaging.testing.TestPictures.assertColour;
import static ru.rossgram.it.Addresses.closedPortUrl;
import static ru.rossgram.it.Concurrency.concurrently;
import static ru.rossgram.it.TestSettings.PASSWORD;
import static ru.rossgram.it.TestSettings.signInBody;
import static ru.rossgram.it.User.postBody;
import static ru.rossgram.it.TestImages.BLUE;
import static ru.rossgram.it.TestImages.RED;
import static ru.rossgram.it.TestImages.WHITE;
import static ru.rossgram.it.TestImages.assertUprightQuadrants;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ru.rossgram.imaging.testing.TestPictures;
import ru.rossgram.it.ApiDriver.Reply;
import ru.rossgram.local.FunctionHost;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.media.MediaKeys;
import ru.rossgram.shared.media.PhotoRecord;
import ru.rossgram.shared.posts.Post;
import ru.rossgram.shared.posts.PostRepository;
import ru.rossgram.shared.uploads.UploadRepository;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The thumbnail function, end to end: uploads from the create-upload function, bytes PUT to their presigned URLs
 * as a phone sends them, then the S3 event S3 would send handed to {@code MakeThumbnailsFunction}'s Lambda entry
 * point; results read back through the API (posts, uploads, the profile) and the thumbnails downloaded through
 * the URLs it gives. Nothing is mocked: DynamoDB and S3 are the backend's.
 */
abstract class ThumbnailsContract extends Contract {
    private static final String FUNCTION = "MakeThumbnailsFunction";
    private static final Set<String> POST_RENDITIONS = Set.of("w1080", "w640", "w320", "square150");


    protected ThumbnailsContract() {
        super(FUNCTION, Map.of());
    }

    /**
     * Runs {@code action} once, when an object whose key starts with {@code keyPrefix} has been stored and before
     * the client that stored it gets its answer: a way to act while a function is half-way through its work.
     *
     * @return false where the backend offers no such hook (the test that needs it is then skipped)
     */
    protected abstract boolean whenStored(String keyPrefix, Runnable action);

    // --- fixtures -------------------------------------------------------------------------------------------

    private FunctionSpec thumbnailFunction() {
        return backend().template().function(FUNCTION).orElseThrow(() -> new AssertionError("no " + FUNCTION));
    }

    private S3Client s3() {
        return hosts.services().get(S3Client.class);
    }

    private String bucket() {
        return hosts.services().mediaBucket();
    }

    private User signUp() {
        return hosts.signUp("thumb");
    }

    /** An object stored at an upload's key, and what S3's event about it says. */
    private record Stored(String uploadId, String key, long size, String eTag) {
    }

    /** Asks for one upload URL and PUTs {@code bytes} to it, with the headers the ticket names, as a phone does. */
    private Stored upload(User user, String purpose, String contentType, byte[] bytes) throws Exception {
        JsonNode ticket = user.ticket(purpose, contentType, Math.max(1, bytes.length));
        String uploadId = ticket.path("uploadId").asText();
        String key = ("avatar".equals(purpose) ? "avatars/" : "originals/") + user.id() + "/" + uploadId;
        if (bytes.length == 0) {
            // A presigned PUT cannot store nothing (its signed length is at least 1 byte): put it in directly.
            var put = s3().putObject(r -> r.bucket(bucket()).key(key).contentType(contentType), RequestBody.empty());
            return new Stored(uploadId, key, 0, unquoted(put.eTag()));
        }
        Reply stored = PresignedUrl.put(ticket, bytes);
        assertEquals(200, stored.status(), stored.body());
        return new Stored(uploadId, key, bytes.length, unquoted(stored.header("etag")));
    }

    private Stored uploadJpeg(User user, byte[] jpeg) throws Exception {
        return upload(user, "post", "image/jpeg", jpeg);
    }

    private static String unquoted(String eTag) {
        return eTag.replace("\"", "");
    }

    /** Hands S3's event about {@code object} to the thumbnail function of {@code functions}; throws what it throws. */
    private void deliver(FunctionHost functions, Stored object) {
        deliver(functions, bucket(), object.key(), object.size(), object.eTag());
    }

    private void deliver(Stored object) {
        deliver(hosts.shared(), object);
    }

    private void deliver(FunctionHost functions, String bucket, String key, long size, String eTag) {
        String region = backend().functionEnvironment(thumbnailFunction()).get("AWS_REGION");
        String result = functions.invoke(thumbnailFunction(), S3Notifications.objectCreated(region, bucket, key, size, eTag));
        assertEquals("null", result.strip(), "the function returns nothing");
    }

    private Stored storeDirectly(String key, byte[] bytes) {
        var put = s3().putObject(r -> r.bucket(bucket()).key(key).contentType("image/jpeg"), RequestBody.fromBytes(bytes));
        return new Stored(null, key, bytes.length, unquoted(put.eTag()));
    }

    private JsonNode uploadView(User user, String uploadId) {
        Reply reply = user.send("GET", "/v1/uploads/" + uploadId, null);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private String createPost(User author, Stored... photos) {
        Reply created = author.createPost(postBody(Arrays.stream(photos).map(Stored::uploadId).toList(), ""));
        assertEquals(201, created.status(), created.body());
        assertEquals("processing", created.json().path("status").asText());
        return created.json().path("id").asText();
    }

    private Post storedPost(String postId) {
        return hosts.services().get(PostRepository.class).find(postId).orElseThrow();
    }

    private List<String> keysUnder(String prefix) {
        return s3().listObjectsV2Paginator(r -> r.bucket(bucket()).prefix(prefix)).contents().stream()
                .map(S3Object::key).sorted().toList();
    }

    private List<String> thumbnailKeys(User user, Stored upload) {
        return keysUnder("thumbnails/" + user.id() + "/" + upload.uploadId() + "/");
    }

    private static List<String> expectedThumbnailKeys(User user, Stored upload, Set<String> renditions) {
        return renditions.stream().map(name -> MediaKeys.thumbnailKey(user.id(), upload.uploadId(), name)).sorted().toList();
    }

    /** Downloads a thumbnail URL as an app does; it must be a JPEG carrying no metadata. */
    private static BufferedImage download(String url) throws Exception {
        HttpResponse<byte[]> response = PresignedUrl.download(url);
        assertEquals(200, response.statusCode(), url);
        assertEquals("image/jpeg", response.headers().firstValue("content-type").orElse(""), url);
        assertStripped(response.body(), url);
        return TestPictures.decode(response.body());
    }

    /** Only JFIF's APP0 may precede the pixels: no EXIF (APP1, where GPS lives), XMP, ICC profile or comment. */
    private static void assertStripped(byte[] jpeg, String what) {
        List<Integer> markers = TestImages.markers(jpeg);
        for (int marker : markers) {
            assertFalse(marker >= 0xE1 && marker <= 0xEF || marker == 0xFE,
                    what + " carries segment " + Integer.toHexString(marker) + ": " + markers);
        }
    }

    /** Every rendition of a photo view, downloaded, by name. */
    private static Map<String, BufferedImage> renditions(JsonNode photo) throws Exception {
        Map<String, BufferedImage> images = new LinkedHashMap<>();
        var urls = photo.path("urls").fields();
        while (urls.hasNext()) {
            var url = urls.next();
            images.put(url.getKey(), download(url.getValue().asText()));
        }
        return images;
    }

    /** Uploads one post photo, delivers its event, and answers the upload's photo once ready. */
    private JsonNode processed(User user, String contentType, byte[] bytes) throws Exception {
        Stored upload = upload(user, "post", contentType, bytes);
        deliver(upload);
        JsonNode view = uploadView(user, upload.uploadId());
        assertEquals("ready", view.path("status").asText(), view.toString());
        return view.path("photo");
    }

    private static void assertSize(int width, int height, BufferedImage image, String what) {
        assertEquals(width + "x" + height, image.getWidth() + "x" + image.getHeight(), what);
    }

    private static int colour(String hex) {
        assertTrue(hex.matches("#[0-9a-f]{6}"), hex);
        return Integer.parseInt(hex.substring(1), 16);
    }

    // --- a post's photos ------------------------------------------------------------------------------------

    @Test
    void aPostOfTwoPhotos_publishesWhenBothAreProcessed_withEveryRenditionUprightAtItsRecordedSize() throws Exception {
        User author = signUp();
        User reader = signUp();
        // A phone held upright stores its pixels turned and says so in EXIF (orientation 6): 1600 x 1200 stored.
        byte[] portrait = TestImages.withExifOrientation(
                TestImages.jpeg(TestImages.storedForOrientation6(TestImages.quadrants(1200, 1600))), 6);
        byte[] landscape = TestImages.jpeg(TestImages.quadrants(1500, 1000));
        Stored first = uploadJpeg(author, portrait);
        Stored second = uploadJpeg(author, landscape);
        String postId = createPost(author, first, second);

        deliver(first);
        JsonNode halfway = author.post(postId);
        assertEquals("processing", halfway.path("status").asText());
        assertEquals(1200, halfway.at("/photos/0/width").asInt(), "reported upright");
        assertEquals(1600, halfway.at("/photos/0/height").asInt(), "reported upright");
        assertTrue(halfway.at("/photos/1/width").isMissingNode(), halfway.toString());
        assertEquals(404, reader.send("GET", "/v1/posts/" + postId, null).status(), "not published yet");

        deliver(second);
        JsonNode published = reader.post(postId);
        assertEquals("published", published.path("status").asText(), published.toString());
        assertTrue(published.hasNonNull("publishedAt"), published.toString());
        assertTrue(published.path("failureReason").isMissingNode());

        Map<String, int[]> portraitSizes = Map.of("w1080", new int[] {1080, 1440}, "w640", new int[] {640, 853},
                "w320", new int[] {320, 427}, "square150", new int[] {150, 150});
        Map<String, int[]> landscapeSizes = Map.of("w1080", new int[] {1080, 720}, "w640", new int[] {640, 427},
                "w320", new int[] {320, 213}, "square150", new int[] {150, 150});
        List<Stored> uploads = List.of(first, second);
        List<Map<String, int[]>> sizes = List.of(portraitSizes, landscapeSizes);
        int[][] originals = {{1200, 1600}, {1500, 1000}};
        for (int i = 0; i < 2; i++) {
            JsonNode photo = published.path("photos").get(i);
            String what = "photo " + (i + 1);
            assertEquals(originals[i][0], photo.path("width").asInt(), what);
            assertEquals(originals[i][1], photo.path("height").asInt(), what);
            colour(photo.path("dominantColor").asText());
            assertTrue(photo.path("placeholder").asText().length() >= 6, what + " placeholder");
            assertEquals(POST_RENDITIONS, Set.copyOf(iterableNames(photo.path("urls"))), what);

            PhotoRecord record = hosts.services().get(UploadRepository.class).find(uploads.get(i).uploadId()).orElseThrow().photo();
            Map<String, BufferedImage> images = renditions(photo);
            for (PhotoRecord.Rendition rendition : record.renditions()) {
                int[] expected = sizes.get(i).get(rendition.name());
                assertEquals(expected[0] + "x" + expected[1], rendition.width() + "x" + rendition.height(), what + " recorded " + rendition.name());
                assertSize(rendition.width(), rendition.height(), images.get(rendition.name()), what + " " + rendition.name());
                assertUprightQuadrants(images.get(rendition.name()), what + " " + rendition.name());
            }
            assertEquals(expectedThumbnailKeys(author, uploads.get(i), POST_RENDITIONS), thumbnailKeys(author, uploads.get(i)));
            assertEquals("ready", uploadView(author, uploads.get(i).uploadId()).path("status").asText());
        }
    }

    // --- what phones send -----------------------------------------------------------------------------------

    @ParameterizedTest(name = "EXIF orientation {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void everyExifOrientation_comesOutUpright(int orientation) throws Exception {
        // Each fixture stores red, green, blue, white (48 x 32 upright) turned so that only its EXIF shows it upright.
        JsonNode photo = processed(signUp(), "image/jpeg", TestPictures.fixture("orientation-" + orientation + ".jpg"));
        assertEquals(48, photo.path("width").asInt());
        assertEquals(32, photo.path("height").asInt());
        Map<String, BufferedImage> images = renditions(photo);
        assertEquals(POST_RENDITIONS, images.keySet());
        for (String name : List.of("w1080", "w640", "w320")) {
            assertSize(48, 32, images.get(name), name + " is never upscaled");
            assertUprightQuadrants(images.get(name), name);
        }
        assertSize(32, 32, images.get("square150"), "the square is at most the shorter side");
        assertUprightQuadrants(images.get("square150"), "square150");
    }

    @Test
    void aCmykJpeg_comesOutInSrgb() throws Exception {
        // Four patches: red (200,40,40) top left, green (40,160,60) top right, grey bottom left, blue bottom right.
        JsonNode photo = processed(signUp(), "image/jpeg", TestPictures.fixture("cmyk.jpg"));
        assertEquals(64, photo.path("width").asInt());
        BufferedImage w320 = renditions(photo).get("w320");
        assertSize(64, 64, w320, "w320");
        assertColour(0xC82828, w320.getRGB(16, 16), 40, "red patch");
        assertColour(0x28A03C, w320.getRGB(48, 16), 40, "green patch");
        assertColour(0x808080, w320.getRGB(16, 48), 40, "grey patch");
        assertColour(0x2846BE, w320.getRGB(48, 48), 40, "blue patch");
    }

    @Test
    void aProgressiveJpeg_isProcessed() throws Exception {
        JsonNode photo = processed(signUp(), "image/jpeg", TestImages.jpeg(TestImages.quadrants(800, 600), true));
        assertEquals(800, photo.path("width").asInt());
        assertEquals(600, photo.path("height").asInt());
        Map<String, BufferedImage> images = renditions(photo);
        assertSize(640, 480, images.get("w640"), "w640");
        images.forEach((name, image) -> assertUprightQuadrants(image, name));
    }

    @Test
    void aPngWithTransparency_isCompositedOverWhite() throws Exception {
        JsonNode photo = processed(signUp(), "image/png", TestPictures.png(TestImages.transparentRightHalf(400, 300, BLUE)));
        BufferedImage w320 = renditions(photo).get("w320");
        assertSize(320, 240, w320, "w320");
        assertColour(BLUE, w320.getRGB(40, 120), 40, "opaque half");
        assertColour(WHITE, w320.getRGB(280, 120), 24, "transparent half");
    }

    @Test
    void webpPhotos_lossyAndLosslessWithTransparency_areProcessed() throws Exception {
        User user = signUp();
        BufferedImage lossy = renditions(processed(user, "image/webp", TestPictures.fixture("lossy.webp"))).get("w320");
        assertSize(64, 64, lossy, "lossy w320");
        assertColour(0xC82828, lossy.getRGB(16, 16), 40, "lossy red patch");
        assertColour(0x2846BE, lossy.getRGB(48, 48), 40, "lossy blue patch");

        BufferedImage lossless = renditions(processed(user, "image/webp", TestPictures.fixture("lossless-alpha.webp"))).get("w320");
        assertColour(0x2846BE, lossless.getRGB(16, 32), 40, "opaque half");
        assertColour(WHITE, lossless.getRGB(48, 32), 24, "transparent half, over white");
    }

    @Test
    void aPhotoWithGpsAndOwnerMetadata_givesThumbnailsWithNoneOfIt() throws Exception {
        User user = signUp();
        Stored upload = uploadJpeg(user, TestPictures.fixture("with-gps.jpg"));
        deliver(upload);
        JsonNode photo = uploadView(user, upload.uploadId()).path("photo");
        assertEquals(POST_RENDITIONS, Set.copyOf(iterableNames(photo.path("urls"))));
        renditions(photo); // each download is checked for metadata segments
        for (String key : thumbnailKeys(user, upload)) {
            byte[] bytes = s3().getObjectAsBytes(r -> r.bucket(bucket()).key(key)).asByteArray();
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            assertFalse(text.contains("Ivan Petrov") || text.contains("Exif") || text.contains("http://ns.adobe.com/xap"), key);
        }
    }

    // --- refusals -------------------------------------------------------------------------------------------

    /**
     * Posts a good photo and then {@code bad}; the bad one's event must be recorded as a refusal the author can
     * read, not thrown (a throw would make Lambda retry what can never succeed).
     *
     * @return the rejection reason
     */
    private String refusedAsSecondPhoto(String contentType, byte[] bad) throws Exception {
        User author = signUp();
        User reader = signUp();
        Stored good = uploadJpeg(author, TestImages.jpeg(TestImages.quadrants(64, 48)));
        Stored refused = upload(author, "post", contentType, bad);
        String postId = createPost(author, good, refused);

        deliver(refused); // returns normally
        JsonNode upload = uploadView(author, refused.uploadId());
        assertEquals("rejected", upload.path("status").asText(), upload.toString());
        String reason = upload.path("rejectionReason").asText();
        assertFalse(reason.isBlank(), upload.toString());
        assertTrue(upload.path("photo").isMissingNode(), upload.toString());

        JsonNode failed = author.post(postId);
        assertEquals("failed", failed.path("status").asText(), failed.toString());
        assertEquals("Photo 2: " + reason, failed.path("failureReason").asText());
        assertEquals(404, reader.send("GET", "/v1/posts/" + postId, null).status(), "a failed post is its author's only");

        deliver(good); // a sibling's result is still recorded, but a failed post never publishes
        JsonNode after = author.post(postId);
        assertEquals("failed", after.path("status").asText());
        assertEquals(POST_RENDITIONS, Set.copyOf(iterableNames(after.at("/photos/0/urls"))));
        assertEquals(List.of(), thumbnailKeys(author, refused));
        assertEquals(1, storedPost(postId).readyCount());
        return reason;
    }

    @Test
    void aTruncatedJpeg_isRejected_andItsPostFails() throws Exception {
        byte[] whole = TestImages.jpeg(TestImages.quadrants(640, 480));
        String reason = refusedAsSecondPhoto("image/jpeg", Arrays.copyOf(whole, whole.length / 2));
        assertTrue(reason.contains("damaged"), reason);
    }

    @Test
    void textSentAsAJpeg_isRejected_asNotAnImage() throws Exception {
        byte[] text = "Dear diary, today I uploaded a text file instead of a photo.\n".repeat(40).getBytes(StandardCharsets.UTF_8);
        String reason = refusedAsSecondPhoto("image/jpeg", text);
        assertTrue(reason.toLowerCase(java.util.Locale.ROOT).contains("not"), reason);
    }

    @Test
    void aDecompressionBomb_isRejectedFromItsHeader_withoutDecoding() throws Exception {
        byte[] bomb = TestPictures.pngHeaderClaiming(20_000, 20_000); // 400 megapixels in 33 bytes
        String reason = refusedAsSecondPhoto("image/png", bomb);
        assertTrue(reason.contains("20000 x 20000"), reason);

        byte[] jpegBomb = TestPictures.jpegClaiming(TestImages.jpeg(TestPictures.filled(16, 16, 0x808080)), 20_000, 20_000);
        User user = signUp();
        Stored upload = uploadJpeg(user, jpegBomb);
        deliver(upload);
        assertEquals("rejected", uploadView(user, upload.uploadId()).path("status").asText());
        assertEquals(List.of(), keysUnder(upload.key()), "a refused file in no post is deleted at once");
    }

    @Test
    void anEmptyObject_isRejected() throws Exception {
        String reason = refusedAsSecondPhoto("image/jpeg", new byte[0]);
        assertTrue(reason.contains("empty"), reason);
    }

    // --- at-least-once delivery -----------------------------------------------------------------------------

    @Test
    void theSameEventDeliveredTwice_changesStateOnce_andWritesOneSetOfThumbnails() throws Exception {
        User author = signUp();
        Stored first = uploadJpeg(author, TestImages.jpeg(TestImages.quadrants(400, 300)));
        Stored second = uploadJpeg(author, TestImages.jpeg(TestImages.quadrants(300, 400)));
        String postId = createPost(author, first, second);

        deliver(first);
        deliver(first);
        assertEquals(1, storedPost(postId).readyCount());
        assertEquals("processing", author.post(postId).path("status").asText());

        deliver(second);
        Post published = storedPost(postId);
        deliver(second);
        Post again = storedPost(postId);
        assertEquals(2, again.readyCount());
        assertEquals("published", author.post(postId).path("status").asText());
        assertEquals(published.publishedAt(), again.publishedAt(), "published once");
        assertEquals(published, again, "the repeat changed nothing");
        for (Stored upload : List.of(first, second)) {
            assertEquals(expectedThumbnailKeys(author, upload, POST_RENDITIONS), thumbnailKeys(author, upload));
        }
    }

    @Test
    void concurrentDeliveries_byTwoInstances_publishThePostOnce() throws Exception {
        User author = signUp();
        List<Stored> photos = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            photos.add(uploadJpeg(author, TestImages.jpeg(TestImages.quadrants(320 + 40 * i, 240))));
        }
        String postId = createPost(author, photos.toArray(Stored[]::new));
        // Two Lambda instances each get every event at once, as a duplicated delivery can make happen.
        FunctionHost other = hosts.start(Map.of());
        List<Runnable> deliveries = new ArrayList<>();
        for (Stored photo : photos) {
            deliveries.add(() -> deliver(hosts.shared(), photo));
            deliveries.add(() -> deliver(other, photo));
        }
        concurrently(deliveries);

        Post post = storedPost(postId);
        assertEquals(3, post.readyCount());
        assertEquals("published", author.post(postId).path("status").asText());
        for (Stored photo : photos) {
            assertEquals(expectedThumbnailKeys(author, photo, POST_RENDITIONS), thumbnailKeys(author, photo));
            assertEquals("ready", uploadView(author, photo.uploadId()).path("status").asText());
        }
    }

    @Test
    void storageOrDatabaseUnreachable_failsTheInvocation_soLambdaRetries_andTheRetrySucceeds() throws Exception {
        User user = signUp();
        Stored upload = uploadJpeg(user, TestImages.jpeg(TestImages.quadrants(200, 100)));
        FunctionHost noStorage = hosts.start(Map.of("AWS_ENDPOINT_URL_S3", closedPortUrl()));
        FunctionHost noDatabase = hosts.start(Map.of("AWS_ENDPOINT_URL_DYNAMODB", closedPortUrl()));

        assertThrows(RuntimeException.class, () -> deliver(noStorage, upload));
        assertThrows(RuntimeException.class, () -> deliver(noDatabase, upload));
        assertEquals("pending", uploadView(user, upload.uploadId()).path("status").asText());
        assertEquals(List.of(), thumbnailKeys(user, upload));

        deliver(upload); // the retry, once the fault has passed
        JsonNode view = uploadView(user, upload.uploadId());
        assertEquals("ready", view.path("status").asText(), view.toString());
        assertEquals(200, view.at("/photo/width").asInt());
    }

    // --- a paid post's photos --------------------------------------------------------------------------------

    private static final Set<String> PAID_RENDITIONS = Set.of("w1080", "w640", "w320", "square150", MediaKeys.PREVIEW);

    private Stored uploadPaid(User user, byte[] jpeg) throws Exception {
        return upload(user, "paid-post", "image/jpeg", jpeg);
    }

    private PhotoRecord recorded(Stored upload) {
        PhotoRecord photo = hosts.services().get(UploadRepository.class).find(upload.uploadId()).orElseThrow().photo();
        assertNotNull(photo, "no result recorded for " + upload.uploadId());
        return photo;
    }

    private List<String> lockedKeys(User user, Stored upload) {
        return keysUnder("locked/" + user.id() + "/" + upload.uploadId() + "/");
    }

    private static List<String> expectedLockedKeys(User user, Stored upload) {
        return POST_RENDITIONS.stream().map(name -> MediaKeys.lockedThumbnailKey(user.id(), upload.uploadId(), name)).sorted().toList();
    }

    private List<String> previewKeys(User user) {
        return keysUnder("previews/" + user.id() + "/");
    }

    private String recordedPreviewKey(Stored upload) {
        return recorded(upload).renditions().stream().filter(r -> r.name().equals(MediaKeys.PREVIEW))
                .map(PhotoRecord.Rendition::key).findFirst().orElseThrow(() -> new AssertionError("no preview recorded"));
    }

    private BufferedImage stored(String key) {
        byte[] bytes = s3().getObjectAsBytes(r -> r.bucket(bucket()).key(key)).asByteArray();
        assertEquals("image/jpeg", s3().headObject(r -> r.bucket(bucket()).key(key)).contentType(), key);
        assertStripped(bytes, key);
        return TestPictures.decode(bytes);
    }

    @Test
    void aPaidPostPhoto_getsLockedRenditions_andABlurredPreviewWhoseKeyDoesNotNameTheUpload() throws Exception {
        User author = signUp();
        Stored upload = uploadPaid(author, TestImages.jpeg(TestPictures.textLikePage(1280, 960)));
        deliver(upload); // no post yet: the upload holds the result until one takes it

        assertEquals("ready", uploadView(author, upload.uploadId()).path("status").asText());
        PhotoRecord photo = recorded(upload);
        assertEquals(PAID_RENDITIONS, Set.copyOf(photo.renditions().stream().map(PhotoRecord.Rendition::name).toList()));
        String previewKey = recordedPreviewKey(upload);
        assertTrue(MediaKeys.isPreviewKeyOf(author.id(), previewKey), previewKey);
        assertFalse(previewKey.contains(upload.uploadId()), "the preview's key leads to the locked renditions: " + previewKey);
        for (PhotoRecord.Rendition rendition : photo.renditions()) {
            String cacheControl = s3().headObject(r -> r.bucket(bucket()).key(rendition.key())).cacheControl();
            if (!rendition.name().equals(MediaKeys.PREVIEW)) {
                assertEquals(MediaKeys.lockedThumbnailKey(author.id(), upload.uploadId(), rendition.name()), rendition.key());
                assertTrue(cacheControl.startsWith("private"), "no shared cache keeps a buyer's copy: " + cacheControl);
            } else {
                assertTrue(cacheControl.startsWith("public"), cacheControl);
            }
        }
        assertEquals(expectedLockedKeys(author, upload), lockedKeys(author, upload));
        assertEquals(List.of(previewKey), previewKeys(author));
        assertEquals(List.of(), thumbnailKeys(author, upload), "nothing under the public prefix");
        assertEquals(PAID_RENDITIONS, renditions(uploadView(author, upload.uploadId()).path("photo")).keySet(),
                "its owner downloads them all through the upload's URLs");

        Map<String, BufferedImage> images = new LinkedHashMap<>();
        for (PhotoRecord.Rendition rendition : photo.renditions()) {
            BufferedImage image = stored(rendition.key());
            assertSize(rendition.width(), rendition.height(), image, rendition.name());
            images.put(rendition.name(), image);
        }
        assertSize(320, 240, images.get(MediaKeys.PREVIEW), "the preview");
        double sharp = TestPictures.edgeEnergy(images.get("w320"));
        double blurred = TestPictures.edgeEnergy(images.get(MediaKeys.PREVIEW));
        assertTrue(blurred < sharp / 25, "edge energy " + blurred + " in the preview against " + sharp + " at w320");
    }

    @Test
    void aFreePostPhoto_hasNoPreview_andKeepsItsPublicThumbnails() throws Exception {
        User author = signUp();
        Stored upload = uploadJpeg(author, TestImages.jpeg(TestImages.quadrants(640, 480)));
        deliver(upload);

        PhotoRecord photo = recorded(upload);
        assertEquals(POST_RENDITIONS, Set.copyOf(photo.renditions().stream().map(PhotoRecord.Rendition::name).toList()));
        photo.renditions().forEach(r -> assertEquals(MediaKeys.thumbnailKey(author.id(), upload.uploadId(), r.name()), r.key()));
        assertEquals(expectedThumbnailKeys(author, upload, POST_RENDITIONS), thumbnailKeys(author, upload));
        assertEquals(List.of(), keysUnder("locked/" + author.id() + "/"));
        assertEquals(List.of(), previewKeys(author));
    }

    @Test
    void aPaidPhotosEvent_deliveredTwice_changesNothingTheSecondTime() throws Exception {
        User author = signUp();
        Stored upload = uploadPaid(author, TestImages.jpeg(TestImages.quadrants(400, 300)));
        deliver(upload);
        PhotoRecord first = recorded(upload);
        deliver(upload);

        assertEquals(first, recorded(upload), "the repeat changed nothing");
        assertEquals(List.of(recordedPreviewKey(upload)), previewKeys(author));
        assertEquals(expectedLockedKeys(author, upload), lockedKeys(author, upload));
    }

    @Test
    void aPaidPhotosEvent_runningTwiceAtOnce_leavesOneSetOfRenditions_andOnlyTheRecordedPreview() throws Exception {
        User author = signUp();
        Stored upload = uploadPaid(author, TestImages.jpeg(TestImages.quadrants(400, 300)));
        FunctionHost other = hosts.start(Map.of());
        AtomicReference<List<String>> firstRunsPreview = new AtomicReference<>();
        // A second instance gets the same event and finishes while the first has stored its preview but not yet
        // recorded it: both previews exist for a moment, each at a random key of its own.
        assumeTrue(whenStored("previews/" + author.id() + "/", () -> {
            firstRunsPreview.set(previewKeys(author));
            deliver(other, upload);
        }), "no hook into storage here");

        deliver(upload); // loses the race to record, and deletes the preview nothing refers to
        assertEquals(1, firstRunsPreview.get().size(), "the first run's preview: " + firstRunsPreview.get());
        String recordedPreview = recordedPreviewKey(upload);
        assertFalse(firstRunsPreview.get().contains(recordedPreview), "the second run's result stands");
        assertEquals(List.of(recordedPreview), previewKeys(author));
        assertEquals(expectedLockedKeys(author, upload), lockedKeys(author, upload));
        assertEquals("ready", uploadView(author, upload.uploadId()).path("status").asText());
    }

    @Test
    void aPaidPhotosRecordFailing_afterItsRenditionsAreStored_leavesNoPreviewBehind() throws Exception {
        User author = signUp();
        Stored upload = uploadPaid(author, TestImages.jpeg(TestImages.quadrants(400, 300)));
        String database = backend().functionEnvironment(thumbnailFunction()).get("AWS_ENDPOINT_URL_DYNAMODB");
        try (FailingDynamoDb failingWrites = FailingDynamoDb.failing("TransactWriteItems", database)) {
            FunctionHost host = hosts.start(Map.of("AWS_ENDPOINT_URL_DYNAMODB", failingWrites.url()));
            assertThrows(RuntimeException.class, () -> deliver(host, upload), "so that Lambda retries");
            assertTrue(failingWrites.refused() > 0, "the record was what failed");
        }
        assertEquals(List.of(), previewKeys(author), "the failed run's preview, which the retry will not reuse");
        assertEquals("pending", uploadView(author, upload.uploadId()).path("status").asText());

        deliver(upload); // the retry, once the fault has passed
        assertEquals(List.of(recordedPreviewKey(upload)), previewKeys(author));
    }

    @Test
    void aPaidPhotosUploadGoneWhileItIsProcessed_leavesNoLockedRenditionOrPreviewBehind() throws Exception {
        User author = signUp();
        Stored upload = uploadPaid(author, TestImages.jpeg(TestImages.quadrants(400, 300)));
        AtomicReference<List<?>> refused = new AtomicReference<>();
        // The upload's item goes (its post deleted, or expired) as soon as the first locked rendition is stored.
        assumeTrue(whenStored("locked/" + author.id() + "/" + upload.uploadId() + "/", () -> refused.set(
                hosts.services().get(TransactionWriter.class)
                        .write(List.of(hosts.services().get(UploadRepository.class).deleteItem(upload.uploadId())))
                        .orElse(List.of()))), "no hook into storage here");

        deliver(upload); // finds the upload gone when it records the result, and removes what it wrote
        assertEquals(List.of(), refused.get(), "the upload's item was deleted mid-way");
        assertEquals(List.of(), keysUnder(upload.key()));
        assertEquals(List.of(), lockedKeys(author, upload));
        assertEquals(List.of(), previewKeys(author));
    }

    // --- avatars ----------------------------------------------------------------------------------------------

    private JsonNode me(User user) {
        Reply reply = user.send("GET", "/v1/me", null);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private Stored avatar(User user, int rgb, int width, int height) throws Exception {
        return upload(user, "avatar", "image/jpeg", TestImages.jpeg(TestPictures.filled(width, height, rgb)));
    }

    private void assertGone(User user, Stored avatar) {
        assertEquals(List.of(), keysUnder(avatar.key()), "original of " + avatar.uploadId());
        assertEquals(List.of(), thumbnailKeys(user, avatar), "thumbnails of " + avatar.uploadId());
    }

    @Test
    void anAvatar_becomesTheProfilePicture_andTheNextReplacesIt_deletingTheFirstOnesFiles() throws Exception {
        User user = signUp();
        JsonNode before = me(user);
        assertTrue(before.path("avatar").isMissingNode() || before.path("avatar").isNull(), before.toString());

        Stored red = avatar(user, RED, 600, 400);
        deliver(red);
        JsonNode avatar = me(user).path("avatar");
        assertEquals(List.of("square320"), iterableNames(avatar.path("urls")), avatar.toString());
        assertColour(RED, colour(avatar.path("dominantColor").asText()), 40, "dominant colour");
        assertFalse(avatar.path("placeholder").asText().isBlank());
        BufferedImage square = download(avatar.at("/urls/square320").asText());
        assertSize(320, 320, square, "square320");
        assertColour(RED, square.getRGB(160, 160), 40, "avatar");
        assertEquals("ready", uploadView(user, red.uploadId()).path("status").asText());
        Reply edited = user.send("PATCH", "/v1/me", "{\"bio\": \"new face\"}");
        assertEquals(200, edited.status(), edited.body());
        assertEquals(avatar.path("dominantColor"), edited.json().at("/avatar/dominantColor"), "PATCH answers show it too");
        Reply signedIn = user.api().post("/v1/sessions",
                signInBody(user.username(), PASSWORD));
        assertEquals(201, signedIn.status(), signedIn.body());
        assertEquals(avatar.path("dominantColor"), signedIn.json().at("/account/avatar/dominantColor"), "and sign-in's");

        Stored blue = avatar(user, BLUE, 500, 500);
        deliver(blue);
        JsonNode replaced = me(user).path("avatar");
        assertColour(BLUE, colour(replaced.path("dominantColor").asText()), 40, "the new avatar");
        assertTrue(replaced.at("/urls/square320").asText().contains(blue.uploadId()), replaced.toString());
        assertColour(BLUE, download(replaced.at("/urls/square320").asText()).getRGB(160, 160), 40, "new avatar");
        assertGone(user, red);
        assertEquals(List.of(blue.key()), keysUnder(blue.key()));
        assertEquals(expectedThumbnailKeys(user, blue, Set.of("square320")), thumbnailKeys(user, blue));
    }

    @Test
    void avatarsProcessedOutOfOrder_leaveTheNewerOneSet_andTheOlderOnesFilesDeleted() throws Exception {
        User user = signUp();
        Stored older = avatar(user, RED, 400, 400);
        Stored newer = avatar(user, BLUE, 400, 400);
        assertTrue(older.uploadId().compareTo(newer.uploadId()) < 0, "upload ids sort by time");

        deliver(newer);
        deliver(older); // late: a newer avatar is already set
        JsonNode avatar = me(user).path("avatar");
        assertColour(BLUE, colour(avatar.path("dominantColor").asText()), 40, "the newer avatar stays");
        assertTrue(avatar.at("/urls/square320").asText().contains(newer.uploadId()), avatar.toString());
        assertGone(user, older);
        assertEquals(expectedThumbnailKeys(user, newer, Set.of("square320")), thumbnailKeys(user, newer));
        JsonNode olderView = uploadView(user, older.uploadId());
        assertEquals("rejected", olderView.path("status").asText(), "processed, but never to be used");
        assertEquals("A newer avatar upload replaced this one.", olderView.path("rejectionReason").asText());
        assertTrue(olderView.path("photo").isMissingNode(), "no links to deleted files");
    }

    // --- objects that are not (or no longer) uploads ----------------------------------------------------------

    @Test
    void anOriginalWhoseUploadDoesNotExist_isDeleted() throws Exception {
        User user = signUp();
        String key = MediaKeys.originalKey(user.id(), hosts.services().get(IdGenerator.class).newId());
        Stored orphan = storeDirectly(key, TestImages.jpeg(TestImages.quadrants(64, 48)));
        assertEquals(List.of(key), keysUnder(key));
        deliver(hosts.shared(), orphan);
        assertEquals(List.of(), keysUnder(key));
    }

    @Test
    void keysThatAreNotUploads_andOtherBuckets_areIgnored() throws Exception {
        User user = signUp();
        byte[] jpeg = TestImages.jpeg(TestImages.quadrants(64, 48));
        List<Stored> notUploads = List.of(
                storeDirectly("originals/" + user.id() + "/holiday.jpg", jpeg),
                storeDirectly("originals/readme.txt", "not an upload".getBytes(StandardCharsets.UTF_8)),
                storeDirectly("thumbnails/" + user.id() + "/" + hosts.services().get(IdGenerator.class).newId() + "/w320.jpg", jpeg));
        for (Stored object : notUploads) {
            deliver(hosts.shared(), object);
            assertEquals(List.of(object.key()), keysUnder(object.key()), "left alone: " + object.key());
        }

        // A real pending upload's key, but the event is about another bucket: not ours to touch.
        Stored upload = uploadJpeg(user, jpeg);
        deliver(hosts.shared(), "someone-elses-photos", upload.key(), upload.size(), upload.eTag());
        assertEquals("pending", uploadView(user, upload.uploadId()).path("status").asText());
        assertEquals(List.of(upload.key()), keysUnder(upload.key()));
        assertEquals(List.of(), thumbnailKeys(user, upload));
    }

    @Test
    void aPostDeletedBeforeItsPhotosEvent_leavesNothingBehind() throws Exception {
        User author = signUp();
        Stored photo = uploadJpeg(author, TestImages.jpeg(TestImages.quadrants(400, 300)));
        String postId = createPost(author, photo);
        assertEquals(204, author.send("DELETE", "/v1/posts/" + postId, null).status());

        deliver(photo);
        assertEquals(List.of(), keysUnder(photo.key()));
        assertEquals(List.of(), thumbnailKeys(author, photo));
    }

    @Test
    void aPostDeletedWhileItsPhotoIsProcessed_losesTheThumbnailsWrittenMeanwhile() throws Exception {
        User author = signUp();
        Stored photo = uploadJpeg(author, TestImages.jpeg(TestImages.quadrants(400, 300)));
        String postId = createPost(author, photo);
        AtomicReference<String> statusWhenDeleted = new AtomicReference<>();
        AtomicReference<Reply> deleted = new AtomicReference<>();
        // The author deletes the post as soon as the function has stored its first thumbnail.
        assumeTrue(whenStored("thumbnails/" + author.id() + "/" + photo.uploadId() + "/", () -> {
            statusWhenDeleted.set(uploadView(author, photo.uploadId()).path("status").asText());
            deleted.set(author.send("DELETE", "/v1/posts/" + postId, null));
        }), "no hook into storage here");

        deliver(photo); // finds the upload gone when it records the result, and removes what it wrote
        assertNotNull(deleted.get(), "the post was not deleted mid-way");
        assertEquals("pending", statusWhenDeleted.get(), "deleted before the result was recorded");
        assertEquals(204, deleted.get().status(), deleted.get().body());
        assertEquals(List.of(), keysUnder(photo.key()));
        assertEquals(List.of(), thumbnailKeys(author, photo));
        assertEquals(404, author.send("GET", "/v1/posts/" + postId, null).status());
    }

    // --- GET /v1/uploads/{uploadId} ------------------------------------------------------------------------

    @Test
    void getUpload_showsAPendingUploadToItsOwner_andIs404ToEveryoneElse() throws Exception {
        User owner = signUp();
        User other = signUp();
        byte[] jpeg = TestImages.jpeg(TestImages.quadrants(64, 48));
        Stored upload = uploadJpeg(owner, jpeg);

        JsonNode pending = uploadView(owner, upload.uploadId());
        assertEquals(upload.uploadId(), pending.path("uploadId").asText());
        assertEquals("pending", pending.path("status").asText());
        assertEquals("post", pending.path("purpose").asText());
        assertEquals("image/jpeg", pending.path("contentType").asText());
        assertEquals(jpeg.length, pending.path("contentLength").asLong());
        assertTrue(pending.path("photo").isMissingNode() && pending.path("rejectionReason").isMissingNode(), pending.toString());

        for (String id : List.of(upload.uploadId(), hosts.services().get(IdGenerator.class).newId(), "not-an-upload-id", "01jd4b5y8f2w6r0t3p9k7m1xqa")) {
            User asker = id.equals(upload.uploadId()) ? other : owner;
            Reply reply = asker.send("GET", "/v1/uploads/" + id, null);
            assertEquals(404, reply.status(), id + " -> " + reply.body());
            assertEquals("not-found", reply.problemType());
        }
        assertEquals(401, owner.api().send("GET", "/v1/uploads/" + upload.uploadId(), null, Map.of()).status());
    }

    private static List<String> iterableNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
