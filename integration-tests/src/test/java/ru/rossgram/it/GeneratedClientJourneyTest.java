package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import ru.rossgram.client.ApiClient;
import ru.rossgram.client.ApiException;
import ru.rossgram.client.api.AccountsApi;
import ru.rossgram.client.api.EngagementApi;
import ru.rossgram.client.api.FeedsApi;
import ru.rossgram.client.api.PostsApi;
import ru.rossgram.client.api.SocialApi;
import ru.rossgram.client.api.UploadsApi;
import ru.rossgram.client.model.FieldError;
import ru.rossgram.client.model.FollowResult;
import ru.rossgram.client.model.LikeState;
import ru.rossgram.client.model.NewPostRequest;
import ru.rossgram.client.model.Post;
import ru.rossgram.client.model.PostPage;
import ru.rossgram.client.model.Problem400;
import ru.rossgram.client.model.SignUpRequest;
import ru.rossgram.client.model.SignedInAccount;
import ru.rossgram.client.model.UploadRequest;
import ru.rossgram.client.model.UploadTicket;

/**
 * The contract as a mobile team meets it: the Java client that the build generates from {@code docs/openapi.yaml}
 * ({@code api-client/}) drives the local runner over real HTTP through a whole journey. Every API call goes through
 * the generated client; only the photo's bytes go to object storage with a plain HTTP client, as the document says.
 * A call the client cannot make, or an answer it cannot read, is a fault of the document.
 */
class GeneratedClientJourneyTest {
    @RegisterExtension
    static final LocalRunner RUNNER = LocalRunner.inMemory(Map.of());

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void aPhotoPostedThroughTheGeneratedClient_isPublished_reachesAFollowersFeed_andIsLiked() throws Exception {
        SignedInAccount masha = signUp("masha");
        SignedInAccount petya = signUp("petya");
        ApiClient mashasPhone = signedIn(masha);
        ApiClient petyasPhone = signedIn(petya);

        FollowResult follow = new SocialApi(petyasPhone).follow(masha.getAccount().getUsername());
        assertEquals(FollowResult.StateEnum.FOLLOWING, follow.getState());

        byte[] jpeg = TestImages.jpeg(TestImages.quadrants(64, 48));
        UploadTicket ticket = new UploadsApi(mashasPhone).createUpload(new UploadRequest()
                .purpose(UploadRequest.PurposeEnum.POST).contentType("image/jpeg").contentLength((long) jpeg.length))
                .getUploads().get(0);
        assertEquals(UploadTicket.MethodEnum.PUT, ticket.getMethod());
        assertEquals(200, PresignedUrl.put(ticket.getUrl(), ticket.getHeaders(), jpeg).status(), "the storage took the photo");

        PostsApi mashasPosts = new PostsApi(mashasPhone);
        Post created = mashasPosts.createPost(new NewPostRequest().uploads(Set.of(ticket.getUploadId())).caption("Белые ночи #питер"));
        Post published = until(() -> mashasPosts.getPost(created.getId()),
                post -> post.getStatus() == Post.StatusEnum.PUBLISHED, "the post is published");
        assertEquals(List.of("питер"), published.getHashtags());
        assertEquals(Integer.valueOf(64), published.getPhotos().get(0).getWidth());

        FeedsApi petyasFeeds = new FeedsApi(petyasPhone);
        PostPage feed = until(() -> petyasFeeds.getFeed(null, null), page -> !page.getItems().isEmpty(), "petya's feed fills");
        Post seen = feed.getItems().get(0);
        assertEquals(created.getId(), seen.getId());
        assertEquals(masha.getAccount().getUsername(), seen.getAuthor().getUsername());
        assertTrue(seen.getPhotos().get(0).getUrls().containsKey("square150"), seen.toString());

        LikeState liked = new EngagementApi(petyasPhone).like(created.getId());
        assertEquals(Boolean.TRUE, liked.getLiked());
        assertEquals(Long.valueOf(1), liked.getLikeCount());
        assertEquals(Boolean.TRUE, new PostsApi(petyasPhone).getPost(created.getId()).getLikedByMe());
    }

    @Test
    void aBadRequest_comesBackAsItsProblem_throughTheGeneratedClientsException() {
        ApiClient phone = anonymous();
        SignUpRequest tooShort = new SignUpRequest().username("x").email("x@example.ru").password(TestSettings.PASSWORD)
                .displayName("X");

        ApiException refused = assertThrows(ApiException.class, () -> new AccountsApi(phone).signUp(tooShort));

        assertEquals(400, refused.getCode());
        assertEquals("application/problem+json", refused.getResponseHeaders().firstValue("content-type").orElseThrow());
        Problem400 problem = problem(phone, refused);
        assertEquals(Problem400.TypeEnum.HTTPS_ROSSGRAM_RU_PROBLEMS_INVALID_REQUEST, problem.getType());
        assertEquals(Problem400.StatusEnum.NUMBER_400, problem.getStatus());
        assertEquals(List.of("username"), problem.getErrors().stream().map(FieldError::getField).toList(), problem.toString());
    }

    /** A phone that has not signed in, talking to the runner. */
    private static ApiClient anonymous() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(RUNNER.backend().apiUri().toString());
        client.setReadTimeout(Duration.ofSeconds(30));
        return client;
    }

    /**
     * A phone signed in as {@code account}. The generated client (library native) has no place for credentials:
     * the token goes on every request as the document's bearer scheme says.
     */
    private static ApiClient signedIn(SignedInAccount account) {
        String token = account.getTokens().getAccessToken();
        return anonymous().setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    }

    private static SignedInAccount signUp(String name) throws ApiException {
        String username = TestSettings.unique(name);
        return new AccountsApi(anonymous()).signUp(new SignUpRequest().username(username).email(username + "@example.ru")
                .password(TestSettings.PASSWORD).displayName(name));
    }

    private static Problem400 problem(ApiClient client, ApiException refused) {
        try {
            return client.getObjectMapper().readValue(refused.getResponseBody(), Problem400.class);
        } catch (Exception e) {
            throw new AssertionError("the problem does not read as the document's Problem400: " + refused.getResponseBody(), e);
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T call() throws ApiException;
    }

    /** Calls again, as an app refreshing would, until the answer is {@code done}. */
    private static <T> T until(Call<T> call, Predicate<T> done, String what) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        T answer;
        do {
            answer = call.call();
            if (done.test(answer)) {
                return answer;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("never: " + what + "; last answer " + answer);
    }
}
