package ru.rossgram.shared.posts;

import java.util.List;

/**
 * Body of {@code POST /v1/posts}: upload ids in display order; the rest is optional. {@code price} (kopecks) makes
 * the post paid: its photos are then shown only to buyers.
 */
public record NewPostRequest(List<String> uploads, String caption, List<String> altTexts, String location, Long price) {
}
