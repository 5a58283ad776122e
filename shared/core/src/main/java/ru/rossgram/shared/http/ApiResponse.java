package ru.rossgram.shared.http;

import java.util.Map;

/** An HTTP response before it is adapted to the cloud's response format. */
public record ApiResponse(int statusCode, Map<String, String> headers, String body) {
    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, Map.of(), "");
    }
}
