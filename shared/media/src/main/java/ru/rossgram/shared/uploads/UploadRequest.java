package ru.rossgram.shared.uploads;

/**
 * Body of {@code POST /v1/uploads}. {@code count} asks for that many URLs at once (posts only, default 1);
 * each is signed for the same type and length.
 */
public record UploadRequest(String purpose, String contentType, Long contentLength, Integer count) {
}
