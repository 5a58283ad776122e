package ru.rossgram.shared.media;

import io.micronaut.context.BeanContext;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.snapshot.PrimingStep;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * One presigned GET through each signer the function has built (the SDK's {@link S3Presigner}, our
 * {@link PresignedGets}): signing, credentials resolution and the HMAC code run before the snapshot. No network
 * call: a presign only computes. The S3 client itself is not called (any call would need a permission the
 * function may lack); it shares the HTTP client the DynamoDB priming warms.
 */
@Singleton
public class PresignPriming implements PrimingStep {
    private static final String KEY = "snapshot-priming";
    private static final Duration TTL = Duration.ofMinutes(1);

    @Override
    public List<String> prime(BeanContext context) {
        List<String> primed = new ArrayList<>();
        if (!context.getActiveBeanRegistrations(S3Presigner.class).isEmpty()) {
            String bucket = context.getBean(RossgramConfig.class).mediaBucket();
            context.getBean(S3Presigner.class).presignGetObject(presign -> presign.signatureDuration(TTL)
                    .getObjectRequest(get -> get.bucket(bucket.isBlank() ? KEY : bucket).key(KEY)));
            primed.add("S3 presign");
        }
        if (!context.getActiveBeanRegistrations(PresignedGets.class).isEmpty()) {
            context.getBean(PresignedGets.class).presign(KEY, TTL);
            primed.add("presigned GET");
        }
        return primed;
    }
}
