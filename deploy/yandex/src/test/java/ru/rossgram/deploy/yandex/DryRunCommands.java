package ru.rossgram.deploy.yandex;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The commands a dry run of deploy.sh printed, one a line, as words: bare words, single-quoted words and
 * {@code \'} (what deploy.sh's quote function writes). Lines starting with {@code #} describe steps.
 */
record DryRunCommands(List<List<String>> commands) {

    static DryRunCommands parse(String output) {
        List<List<String>> commands = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                commands.add(words(line));
            }
        }
        return new DryRunCommands(List.copyOf(commands));
    }

    /** The commands that start with these words, e.g. {@code yc serverless function version create}. */
    List<List<String>> starting(String... prefix) {
        return commands.stream().filter(command -> command.size() >= prefix.length
                && command.subList(0, prefix.length).equals(List.of(prefix))).toList();
    }

    /** The value after a flag, if the command has the flag. */
    static Optional<String> flag(List<String> command, String name) {
        int at = command.indexOf(name);
        return at < 0 || at + 1 >= command.size() ? Optional.empty() : Optional.of(command.get(at + 1));
    }

    /** Every value of a repeatable flag, in order. */
    static List<String> flags(List<String> command, String name) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i + 1 < command.size(); i++) {
            if (command.get(i).equals(name)) {
                values.add(command.get(i + 1));
            }
        }
        return values;
    }

    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed quote in: " + line);
                }
                word.append(line, i + 1, end);
                i = end;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
