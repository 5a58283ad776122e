package ru.rossgram.local;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;

/**
 * What a test handler saw of one S3 event record, as the Lambda runtime's serializer read it.
 *
 * @param records how many records the event had (S3 sends one)
 * @param nanoTime when the handler ran, for measuring retry delays
 */
record S3Received(int records, String eventName, String region, String bucket, String bucketArn, String key,
        String urlDecodedKey, long size, String eTag, String sequencer, String configurationId, long nanoTime) {

    static S3Received from(S3Event event) {
        S3EventNotificationRecord record = event.getRecords().get(0);
        return new S3Received(event.getRecords().size(), record.getEventName(), record.getAwsRegion(),
                record.getS3().getBucket().getName(), record.getS3().getBucket().getArn(),
                record.getS3().getObject().getKey(), record.getS3().getObject().getUrlDecodedKey(),
                record.getS3().getObject().getSizeAsLong(), record.getS3().getObject().geteTag(),
                record.getS3().getObject().getSequencer(), record.getS3().getConfigurationId(), System.nanoTime());
    }
}
