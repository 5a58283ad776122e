/**
 * An Instagram "Download your information" export understood in every era (2018's {@code media.json}, 2021-23's
 * {@code content/}, 2024-25's {@code your_instagram_activity/}), whatever stores its files: posts with their captions
 * repaired from the export's mojibake, their dates and carousel order; the owner's username; follower and following
 * handles streamed. {@link ru.rossgram.shared.imports.instagram.InstagramExportReader} is the entry point;
 * docs/instagram-import.md describes the formats and what is skipped.
 */
package ru.rossgram.shared.imports.instagram;
