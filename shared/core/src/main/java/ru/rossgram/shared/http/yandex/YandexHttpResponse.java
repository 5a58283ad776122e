package ru.rossgram.shared.http.yandex;

import java.util.List;
import java.util.Map;

/**
 * What a Yandex Cloud Function answers API Gateway (and a direct invocation) with; written by the runtime's
 * jsoniter from the public fields. Where a header is in both maps, the platform takes {@code multiValueHeaders}.
 */
public class YandexHttpResponse {
    public int statusCode;
    public Map<String, String> headers;
    public Map<String, List<String>> multiValueHeaders;
    public String body;
    public boolean isBase64Encoded;

    public YandexHttpResponse() {
    }
}
