package ru.rossgram.shared.imports.audience;

/** Which of an export's two lists of Instagram handles. */
public enum HandleList {
    /** Who followed the owner on Instagram ({@code followers_N.json}); can be tens of millions. */
    FOLLOWERS("followers"),
    /** Whom the owner followed on Instagram ({@code following.json}); at most 7,500. */
    FOLLOWING("following");

    private final String word;

    HandleList(String word) {
        this.word = word;
    }

    /** How keys and task names spell it. */
    public String word() {
        return word;
    }
}
