package ru.rossgram.shared.imports.audience;

/** The words that say why a match is suggested. Pure. */
final class MatchWhy {
    private MatchWhy() {
    }

    static String of(String instagramUsername, boolean youFollowed, boolean followedYou) {
        String name = "@" + instagramUsername;
        if (youFollowed && followedYou) {
            return "You and " + name + " followed each other on Instagram";
        }
        return youFollowed ? "You followed " + name + " on Instagram" : name + " followed you on Instagram";
    }
}
