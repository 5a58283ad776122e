package ru.rossgram.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class S3EventRouteTest {

    @Test
    void matchesEventTypesAsS3Does() {
        assertTrue(S3EventRoute.typeMatches("s3:ObjectCreated:*", "ObjectCreated:Put"));
        assertTrue(S3EventRoute.typeMatches("s3:ObjectCreated:*", "ObjectCreated:Copy"));
        assertTrue(S3EventRoute.typeMatches("s3:ObjectCreated:*", "ObjectCreated:CompleteMultipartUpload"));
        assertTrue(S3EventRoute.typeMatches("s3:ObjectCreated:Put", "ObjectCreated:Put"));
        assertFalse(S3EventRoute.typeMatches("s3:ObjectCreated:Put", "ObjectCreated:Copy"));
        assertFalse(S3EventRoute.typeMatches("s3:ObjectCreated:Post", "ObjectCreated:Put"));
        assertFalse(S3EventRoute.typeMatches("s3:ObjectRemoved:*", "ObjectCreated:Put"));
    }
}
