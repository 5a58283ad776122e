package ru.rossgram.deploy.yandex;

/** Bash words for the generated plan: text that bash reads back exactly, whatever it holds. */
final class ShellWords {
    private ShellWords() {
    }

    /** The text as one single-quoted word: nothing inside is expanded; a quote is closed, escaped, reopened. */
    static String literal(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /** A double-quoted expansion of a shell variable, as one word whatever its value holds. */
    static String variable(String name) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException(name + " is not a shell variable name");
        }
        return "\"${" + name + "}\"";
    }
}
