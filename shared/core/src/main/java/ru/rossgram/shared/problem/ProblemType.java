package ru.rossgram.shared.problem;

import java.net.URI;

/**
 * Every error a client can see, with its HTTP status and a stable {@code type} URI (RFC 9457).
 * Clients switch on the type, never on the title or detail, so a type's slug never changes.
 */
public enum ProblemType {
    MALFORMED_JSON(400, "malformed-json", "Request body is not valid JSON"),
    INVALID_REQUEST(400, "invalid-request", "Request is not valid"),
    INVALID_CURSOR(400, "invalid-cursor", "The page cursor is not one this server issued"),
    UNAUTHORIZED(401, "unauthorized", "Authentication required"),
    INVITATION_REQUIRED(403, "invitation-required", "Sign-up needs an invitation until it opens to everyone"),
    OPERATORS_ONLY(403, "operators-only", "Only Rossgram's operators may do this"),
    INVALID_CREDENTIALS(401, "invalid-credentials", "Username or password is wrong"),
    INVALID_REFRESH_TOKEN(401, "invalid-refresh-token", "Refresh token is invalid, expired or revoked"),
    NOT_FOUND(404, "not-found", "Resource not found"),
    ROUTE_NOT_FOUND(404, "route-not-found", "No such route"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "The resource does not support this method"),
    USERNAME_TAKEN(409, "username-taken", "Username is taken"),
    EMAIL_TAKEN(409, "email-taken", "Email is already registered"),
    USERNAME_RESERVED(409, "username-reserved", "The username is reserved"),
    USERNAME_LOOKALIKE(409, "username-lookalike", "The username looks like one that is taken"),
    CONCURRENT_UPDATE(409, "concurrent-update", "The resource changed meanwhile; read it again and retry"),
    ALREADY_PURCHASED(409, "already-purchased", "You already have access"),
    ALREADY_SUBSCRIBED(409, "already-subscribed", "You are subscribed already"),
    NOT_SUBSCRIBED(409, "not-subscribed", "You have no active subscription to change"),
    UPLOAD_ALREADY_ATTACHED(409, "upload-already-attached", "The upload already belongs to a post"),
    UPLOAD_NOT_RECEIVED(409, "upload-not-received", "The photo has not been uploaded yet"),
    IMPORT_IN_PROGRESS(409, "import-in-progress", "Another import of yours is not finished"),
    IMPORT_UPLOAD_INCOMPLETE(409, "import-upload-incomplete", "Some parts of the export have not been uploaded"),
    IMPORT_ALREADY_UPLOADED(409, "import-already-uploaded", "The import's upload is complete; it can no longer be cancelled"),
    TIER_ARCHIVED(409, "tier-archived", "The tier is archived; archiving is permanent"),
    ALREADY_PLEDGED(409, "already-pledged", "You have a pledge to this campaign already"),
    REWARD_SOLD_OUT(409, "reward-sold-out", "Every one of that reward is claimed"),
    CAMPAIGN_CLOSED(409, "campaign-closed", "The campaign takes no more pledges or changes to them"),
    CAMPAIGN_LOCKED(409, "campaign-locked", "A launched campaign's goal, deadline, mode and rewards are fixed"),
    CAMPAIGN_NOT_DRAFT(409, "campaign-not-draft", "The campaign has been launched already"),
    CAMPAIGN_NOT_LIVE(409, "campaign-not-live", "The campaign is not live"),
    UPLOAD_NOT_PROCESSED(409, "upload-not-processed", "The photo is still being processed; retry shortly"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Request body is too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Request body must be application/json"),
    UNSUPPORTED_IMAGE_TYPE(422, "unsupported-image-type", "Photos must be JPEG, PNG or WebP"),
    UPLOAD_TOO_LARGE(422, "upload-too-large", "The photo is larger than allowed"),
    TOO_MANY_PHOTOS(422, "too-many-photos", "Too many photos for one post"),
    IMPORT_TOO_LARGE(422, "import-too-large", "The export is larger than an import allows"),
    UNKNOWN_UPLOAD(422, "unknown-upload", "No such upload of yours"),
    UPLOAD_REJECTED(422, "upload-rejected", "The photo could not be processed"),
    UPLOAD_NOT_PAID(422, "upload-not-paid", "A paid post's photos must be uploaded for a paid post"),
    NOT_FOR_SALE(422, "not-for-sale", "That cannot be bought"),
    PROVIDER_UNAVAILABLE(422, "provider-unavailable", "That payment provider is not offered"),
    PAYMENT_MISMATCH(422, "payment-mismatch", "The notification does not match the payment"),
    INVITATION_UNKNOWN(422, "invitation-unknown", "No such invitation code"),
    INVITATION_USED_UP(422, "invitation-used-up", "The invitation has been used as many times as it allows"),
    INVITATION_EXPIRED(422, "invitation-expired", "The invitation has expired"),
    INVITATION_DISABLED(422, "invitation-disabled", "The invitation was withdrawn"),
    REFERRAL_CODE_UNKNOWN(422, "referral-code-unknown", "No account has this referral code"),
    CANNOT_FOLLOW_YOURSELF(422, "cannot-follow-yourself", "An account cannot follow itself"),
    CANNOT_BLOCK_YOURSELF(422, "cannot-block-yourself", "An account cannot block itself"),
    CANNOT_MUTE_YOURSELF(422, "cannot-mute-yourself", "An account cannot mute itself"),
    TOO_MANY_MUTES(422, "too-many-mutes", "You mute as many accounts as allowed; unmute one first"),
    TOO_MANY_FOLLOWS(422, "too-many-follows", "You follow as many accounts as allowed; unfollow one first"),
    TOO_MANY_TIERS(422, "too-many-tiers", "You have as many tiers as allowed; archive one first"),
    NO_TIER_FOR_RANK(422, "no-tier-for-rank", "You have no tier of that rank or higher"),
    DEADLINE_OUT_OF_RANGE(422, "deadline-out-of-range", "The campaign's deadline is too near or too far"),
    CAMPAIGN_NOT_SHAREABLE(422, "campaign-not-shareable", "Only your own launched campaign can be shared"),
    TOO_MANY_ATTEMPTS(429, "too-many-attempts", "Too many attempts; retry later"),
    BUSY(503, "busy", "The service is busy; retry shortly"),
    PROVIDER_UNREACHABLE(503, "provider-unreachable", "The payment provider did not answer; retry shortly"),
    INTERNAL(500, "internal", "Internal error");

    private static final String BASE = "https://rossgram.ru/problems/";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }
}
