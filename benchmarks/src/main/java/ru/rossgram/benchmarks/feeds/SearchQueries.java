package ru.rossgram.benchmarks.feeds;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What people type into search on the generated graph: prefixes (3 letters to the whole word) of display-name
 * words in the alphabet the name is written in, the same in the other alphabet ({@code buzo} for {@code Бузова},
 * {@code Юли} for {@code Yulia}), username prefixes, and hashtag prefixes, each a quarter of the queries.
 */
final class SearchQueries {
    private SearchQueries() {
    }

    static List<String> generate(List<GraphPeople.Person> people, int count, long seed) {
        Random random = new Random(seed);
        List<String> queries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            GraphPeople.Person person = people.get(random.nextInt(people.size()));
            int word = random.nextInt(2);
            String text = switch (i % 4) {
                case 0 -> (person.cyrillic() ? person.cyrillicWords() : person.latinWords()).get(word);
                case 1 -> (person.cyrillic() ? person.latinWords() : person.cyrillicWords()).get(word);
                case 2 -> person.username();
                default -> GraphCaptions.TAGS.get(random.nextInt(GraphCaptions.TAGS.size()));
            };
            queries.add(prefix(text, random));
        }
        return queries;
    }

    /** 3 letters to the whole word (or all of a shorter one). */
    private static String prefix(String text, Random random) {
        if (text.length() <= 3) {
            return text;
        }
        return text.substring(0, 3 + random.nextInt(text.length() - 2));
    }
}
