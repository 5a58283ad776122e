package ru.rossgram.shared.hashtags;

/**
 * A hashtag found by search.
 *
 * @param tag   the tag as its page is named ({@code SearchText.tag}, without {@code #})
 * @param posts how many posts carry it
 */
public record TagMatch(String tag, long posts) {
}
