package ru.rossgram.shared.posts;

import java.util.List;

/** Body of {@code POST /v1/posts}: upload ids in display order; the rest is optional. */
public record NewPostRequest(List<String> uploads, String caption, List<String> altTexts, String location) {
}
