package ru.rossgram.shared.social;

/** The numbers a profile shows, each an attribute of every counter shard. */
public enum Counter {
    FOLLOWERS("followers"),
    FOLLOWING("following"),
    POSTS("posts");

    private final String attribute;

    Counter(String attribute) {
        this.attribute = attribute;
    }

    /** The number attribute on a counter shard item. */
    public String attribute() {
        return attribute;
    }
}
