package ru.rossgram.shared.posts;

import java.util.List;

/** Body of {@code PATCH /v1/posts/{postId}}: fields left out stay as they are; {@code altTexts} is one per photo. */
public record PostEdit(String caption, List<String> altTexts) {
}
