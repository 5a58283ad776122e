package ru.rossgram.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import ru.rossgram.localcloud.ObjectCreated;

class S3EventJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final S3EventJson.EventIds IDS = new S3EventJson.EventIds("C3D13FE58DE4C810",
            "FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD", "0055AED6DCD90281E5");

    @Test
    void hasTheShapeOfAnS3EventNotification() throws Exception {
        ObjectCreated object = new ObjectCreated("rossgram-local-mediabucket", "uploads/a.jpg", 1024,
                "d41d8cd98f00b204e9800998ecf8427e", ObjectCreated.PUT, Instant.parse("2025-01-02T03:04:05Z"));

        JsonNode expected = JSON.readTree("""
                {"Records": [{
                  "eventVersion": "2.1",
                  "eventSource": "aws:s3",
                  "awsRegion": "eu-central-1",
                  "eventTime": "2025-01-02T03:04:05.000Z",
                  "eventName": "ObjectCreated:Put",
                  "userIdentity": {"principalId": "AWS:LOCAL"},
                  "requestParameters": {"sourceIPAddress": "127.0.0.1"},
                  "responseElements": {
                    "x-amz-request-id": "C3D13FE58DE4C810",
                    "x-amz-id-2": "FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD"
                  },
                  "s3": {
                    "s3SchemaVersion": "1.0",
                    "configurationId": "ThumbnailFunctionS3Event1",
                    "bucket": {
                      "name": "rossgram-local-mediabucket",
                      "ownerIdentity": {"principalId": "LOCAL"},
                      "arn": "arn:aws:s3:::rossgram-local-mediabucket"
                    },
                    "object": {
                      "key": "uploads/a.jpg",
                      "size": 1024,
                      "eTag": "d41d8cd98f00b204e9800998ecf8427e",
                      "sequencer": "0055AED6DCD90281E5"
                    }
                  }
                }]}
                """);
        assertEquals(expected, JSON.readTree(S3EventJson.of(object, "eu-central-1", "ThumbnailFunctionS3Event1", IDS)));
    }

    @Test
    void encodesKeysAsS3DoesAndTheRuntimeDecodesThem() {
        assertEquals("uploads/red+flower.jpg", S3EventJson.encodeKey("uploads/red flower.jpg"));
        assertEquals("a%2Bb/%D1%84%D0%BE%D1%82%D0%BE%3D1.jpg", S3EventJson.encodeKey("a+b/фото=1.jpg"));

        String key = "uploads/a+b c/фото (1).jpg";
        ObjectCreated object = new ObjectCreated("b", key, 1, "e", ObjectCreated.PUT, Instant.now());
        @SuppressWarnings("unchecked")
        PojoSerializer<S3Event> serializer = (PojoSerializer<S3Event>) LambdaEventSerializers.serializerFor(
                S3Event.class, getClass().getClassLoader());
        S3Event event = serializer.fromJson(S3EventJson.of(object, "us-east-1", "c", IDS));
        assertEquals(key, event.getRecords().get(0).getS3().getObject().getUrlDecodedKey());
        assertEquals(object.time().toEpochMilli(), event.getRecords().get(0).getEventTime().getMillis());
    }
}
