package ru.rossgram.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import ru.rossgram.benchmarks.FirstRequestState.Account;
import ru.rossgram.paymentsim.Notice;

/**
 * The first request of each measured HTTP function: its sample events (AWS and Yandex), the state it needs (made
 * once by {@link #prepare}, or per event when the request consumes it) and the status it must be answered with.
 * Every event is a new file under the output directory, so a run can be repeated from raw.txt.
 */
abstract class FirstRequests {
    /** The functions measured by default, in the order the report lists them. */
    static final List<String> ALL = List.of("sign-up", "sign-in", "get-me", "feed", "get-post", "create-upload",
            "create-post", "payment-webhook");

    final String name;
    final String logicalId;
    final String bareHandler;
    final String awsSample;
    final String yandexSample;
    final int status;
    /** Whether the first request computes one Argon2id hash (the product's cost the bare handler shares). */
    final boolean hashesPassword;
    private int sequence;

    private FirstRequests(String name, String logicalId, String bareHandler, String awsSample, String yandexSample,
            int status, boolean hashesPassword) {
        this.name = name;
        this.logicalId = logicalId;
        this.bareHandler = "ru.rossgram.benchmarks.bare." + bareHandler;
        this.awsSample = name + "/" + awsSample;
        this.yandexSample = name + "/" + yandexSample;
        this.status = status;
        this.hashesPassword = hashesPassword;
    }

    /** @throws IllegalArgumentException for a name that is not measured */
    static FirstRequests of(String name) {
        return switch (name) {
            case "sign-up" -> new FirstRequests("sign-up", "SignUpFunction", "BareSignUpHandler", "new-account.json",
                    "yandex-new-account.json", 201, true) {
                @Override
                String event(FirstRequestState state, Path sample) throws IOException {
                    String username = state.newUsername();
                    return SampleEvent.fill(sample, null, Map.of("masha.photo", username,
                            "masha.petrova@example.com", username + "@example.com"), null);
                }
            };
            case "sign-in" -> new FirstRequests("sign-in", "SignInFunction", "BareSignInHandler", "by-username.json",
                    "yandex-by-email.json", 201, true) {
                private Account account;

                @Override
                void prepare(FirstRequestState state) throws IOException {
                    account = state.signUp();
                }

                @Override
                String event(FirstRequestState state, Path sample) throws IOException {
                    // The samples sign in as masha.photo (by username) or by her email, with the seeded password.
                    return SampleEvent.fill(sample, null, Map.of("masha.petrova@example.com", account.username() + "@example.com",
                            "masha.photo", account.username()), null);
                }
            };
            case "get-me" -> new FirstRequests("get-me", "GetMeFunction", "BareGetMeHandler", "me.json", "yandex-me.json",
                    200, false) {
                private Account account;

                @Override
                void prepare(FirstRequestState state) throws IOException {
                    account = state.signUp();
                }

                @Override
                String event(FirstRequestState state, Path sample) throws IOException {
                    return SampleEvent.fill(sample, state.token(account), Map.of(), null);
                }
            };
            case "feed" -> new FirstRequests("feed", "FeedFunction", "BareFeedHandler", "first-page.json",
                    "yandex-first-page.json", 200, false) {
                private Account reader;

                @Override
                void prepare(FirstRequestState state) throws IOException, InterruptedException {
                    reader = state.signUp();
                    Account author = state.signUp();
                    state.follow(reader, author);
                    for (int i = 0; i < FEED_POSTS; i++) {
                        state.post(author);
                    }
                    state.fanOut();
                }

                @Override
                boolean complete(String answerBody) {
                    return answerBody.contains("\"items\":[{");
                }

                @Override
                String event(FirstRequestState state, Path sample) throws IOException {
                    return SampleEvent.fill(sample, state.token(reader), Map.of(), null);
                }
            };
            case "get-post" -> new FirstRequests("get-post", "GetPostFunction", "BareGetPostHandler", "published-post.json",
                    "yandex-published-post.json", 200, false) {
                private Account reader;
                private String postId;

                @Override
                void prepare(FirstRequestState state) throws IOException, InterruptedException {
                    reader = state.signUp();
                    postId = state.post(state.signUp());
                }

                @Override
                String event(FirstRequestState state, Path sample) throws IOException {
                    return SampleEvent.fill(sample, state.token(reader), Map.of(SAMPLE_POST_ID, postId), null);
                }
            };
            case "create-upload" -> new FirstRequests("create-upload", "CreateUploadFunction", "BareCreateUploadHandler",
                    "post-photos.json", "yandex-post-photos.json", 201, false) {
                private Account owner;

                @Override
                void prepare(FirstRequestState state) throws IOException {
                    owner = state.signUp();
                }

                @Override
                String event(FirstRequestState state, Path sample) throws IOException {
                    return SampleEvent.fill(sample, state.token(owner), Map.of(), null);
                }
            };
            case "create-post" -> new FirstRequests("create-post", "CreatePostFunction", "BareCreatePostHandler",
                    "new-post.json", "yandex-new-post.json", 201, false) {
                private Account author;

                @Override
                void prepare(FirstRequestState state) throws IOException {
                    author = state.signUp();
                }

                @Override
                String event(FirstRequestState state, Path sample) throws IOException, InterruptedException {
                    // Each post consumes its upload: a new photo, really uploaded, per event.
                    return SampleEvent.fill(sample, state.token(author), Map.of(),
                            FirstRequestState.newPostBody(state.uploadedPhoto(author)));
                }
            };
            case "payment-webhook" -> new FirstRequests("payment-webhook", "PaymentWebhookFunction",
                    "BarePaymentWebhookHandler", "cloudpayments-pay.json", "yandex-cloudpayments-pay.json", 200, false) {
                private String postId;

                @Override
                void prepare(FirstRequestState state) throws IOException, InterruptedException {
                    postId = state.post(state.signUp(), POST_PRICE_KOPECKS);
                }

                @Override
                String event(FirstRequestState state, Path sample) throws IOException {
                    // Each notification settles its payment: a new buyer's checkout, paid, per event.
                    Notice paid = state.paidNotice(postId);
                    String hmac = paid.headers().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("content-hmac"))
                            .map(Map.Entry::getValue).findFirst().orElseThrow();
                    return SampleEvent.fill(sample, null, Map.of(SAMPLE_HMAC, hmac), paid.bodyText());
                }

                @Override
                boolean complete(String answerBody) {
                    return answerBody.contains("\"code\":0"); // CloudPayments' "accepted"
                }
            };
            default -> throw new IllegalArgumentException("no first request is known for '" + name + "'; measured: " + ALL);
        };
    }

    /** The id the post samples name, replaced by a real post's. */
    static final String SAMPLE_POST_ID = "01JD4B7M2K9QH3V5X8Z0C6N1TR";
    /** The signature the CloudPayments samples carry, replaced by the notification's own. */
    static final String SAMPLE_HMAC = "3nHcVwb6xO0qsjP2mU7vC8hkR0k9F9o0Gx8w1a2b3c4=";
    /** The price of the post the webhook's payments buy (199 roubles). */
    static final long POST_PRICE_KOPECKS = 19_900;
    /** Posts the followed author has, so the feed's first page is not empty. */
    static final int FEED_POSTS = 3;

    /** Makes the state every event of this function shares (accounts, a follow, posts); once per benchmark. */
    void prepare(FirstRequestState state) throws IOException, InterruptedException {
    }

    /** Whether the answer shows the work measured (a feed page that is not empty); its status is checked apart. */
    boolean complete(String answerBody) {
        return true;
    }

    /** The JSON of one request, from {@code sample}, with fresh state where the request consumes it. */
    abstract String event(FirstRequestState state, Path sample) throws IOException, InterruptedException;

    /** {@link #event} written to a new file under {@code directory}. */
    Path eventFile(FirstRequestState state, Path sample, Path events) throws IOException, InterruptedException {
        Path file = Files.createDirectories(events).resolve(String.format("%s-%04d.json", name, ++sequence));
        Files.writeString(file, event(state, sample));
        return file;
    }
}
