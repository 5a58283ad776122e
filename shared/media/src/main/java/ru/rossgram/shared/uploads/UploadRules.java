package ru.rossgram.shared.uploads;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

/** What may be uploaded: image types, sizes and how many photos one post holds. */
public final class UploadRules {
    public static final int MAX_PHOTOS_PER_POST = 10;
    static final List<String> IMAGE_TYPES = List.of("image/jpeg", "image/png", "image/webp");

    private UploadRules() {
    }

    static UploadPurpose purpose(String purpose) {
        if (purpose == null) {
            throw ProblemException.invalid("purpose", "required");
        }
        return UploadPurpose.fromWire(purpose)
                .orElseThrow(() -> ProblemException.invalid("purpose", "one of post, paid-post, avatar"));
    }

    /**
     * @return the type in lower case, parameters dropped
     * @throws ProblemException 422 {@code unsupported-image-type}; HEIC/HEIF, the iPhone camera's default,
     *         gets a detail that tells the app to convert to JPEG first
     */
    static String contentType(String contentType) {
        if (contentType == null) {
            throw ProblemException.invalid("contentType", "required");
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (IMAGE_TYPES.contains(type)) {
            return type;
        }
        String detail = type.equals("image/heic") || type.equals("image/heif")
                ? "HEIC/HEIF photos are not accepted: convert the photo to JPEG on the device before uploading"
                        + " and send contentType image/jpeg."
                : "'" + type + "' is not accepted; send image/jpeg, image/png or image/webp.";
        throw new ProblemException(ProblemType.UNSUPPORTED_IMAGE_TYPE, detail,
                Map.of("acceptedTypes", IMAGE_TYPES));
    }

    /** @throws ProblemException 400 for a missing or non-positive length; 422 {@code upload-too-large} above {@code maxBytes} */
    static long contentLength(Long contentLength, long maxBytes) {
        if (contentLength == null) {
            throw ProblemException.invalid("contentLength", "required");
        }
        if (contentLength <= 0) {
            throw ProblemException.invalid("contentLength", "must be the photo's size in bytes, at least 1");
        }
        if (contentLength > maxBytes) {
            throw new ProblemException(ProblemType.UPLOAD_TOO_LARGE,
                    "The photo is " + contentLength + " bytes; the limit is " + maxBytes + ".", Map.of("maxBytes", maxBytes));
        }
        return contentLength;
    }

    /** @throws ProblemException 400 for a count below 1 or on an avatar; 422 {@code too-many-photos} above the post limit */
    static int count(Integer count, UploadPurpose purpose) {
        if (count == null) {
            return 1;
        }
        if (purpose == UploadPurpose.AVATAR && count != 1) {
            throw ProblemException.invalid("count", "an avatar is one photo");
        }
        if (count < 1) {
            throw ProblemException.invalid("count", "at least 1");
        }
        if (count > MAX_PHOTOS_PER_POST) {
            throw tooManyPhotos(count);
        }
        return count;
    }

    public static ProblemException tooManyPhotos(int count) {
        return new ProblemException(ProblemType.TOO_MANY_PHOTOS,
                count + " photos asked for; a post holds at most " + MAX_PHOTOS_PER_POST + ".",
                Map.of("maxPhotos", MAX_PHOTOS_PER_POST));
    }
}
