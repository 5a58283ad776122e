package ru.rossgram.benchmarks.feeds;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import ru.rossgram.shared.accounts.UsernameSkeleton;

/**
 * Who the generated accounts are: Russian first names and surnames, a share of the display names written in
 * Cyrillic and the rest in one of the Latin spellings people really use for the same name ({@code Юлия} as
 * {@code Yulia}, {@code Julia} or {@code Iuliia}), so search is measured on the names it has to match across
 * alphabets. Usernames are Latin, the surname and a number ({@code buzova_17}), unique by look-alike skeleton.
 */
final class GraphPeople {
    /** A name in Cyrillic and the Latin spellings it is written in. */
    private record Name(String cyrillic, String... latin) {
    }

    private static final List<Name> FIRST = List.of(
            new Name("Ольга", "Olga", "Olya"), new Name("Юлия", "Yulia", "Julia", "Iuliia"),
            new Name("Анна", "Anna"), new Name("Мария", "Maria", "Mariya"), new Name("Екатерина", "Ekaterina", "Yekaterina", "Katya"),
            new Name("Наталья", "Natalia", "Natalya"), new Name("Алёна", "Alena", "Alyona"), new Name("Ксения", "Ksenia", "Kseniya"),
            new Name("Дарья", "Daria", "Darya", "Dasha"), new Name("Татьяна", "Tatiana", "Tatyana"),
            new Name("Александр", "Alexander", "Aleksandr", "Sasha"), new Name("Дмитрий", "Dmitry", "Dmitriy", "Dmitrii"),
            new Name("Сергей", "Sergey", "Sergei"), new Name("Андрей", "Andrey", "Andrei"), new Name("Алексей", "Alexey", "Aleksei"),
            new Name("Михаил", "Mikhail", "Michael"), new Name("Иван", "Ivan"), new Name("Максим", "Maxim", "Maksim"),
            new Name("Пётр", "Petr", "Pyotr"), new Name("Никита", "Nikita"), new Name("Евгений", "Evgeny", "Yevgeniy"),
            new Name("Фёдор", "Fedor", "Fyodor"), new Name("Жанна", "Zhanna"), new Name("Щербина", "Shcherbina"));
    private static final List<Name> SURNAMES = List.of(
            new Name("Бузова", "Buzova"), new Name("Иванова", "Ivanova"), new Name("Смирнов", "Smirnov"),
            new Name("Кузнецова", "Kuznetsova", "Kuznecova"), new Name("Попов", "Popov"), new Name("Васильева", "Vasilieva", "Vasilyeva"),
            new Name("Петров", "Petrov"), new Name("Соколова", "Sokolova"), new Name("Михайлов", "Mikhailov", "Mihailov"),
            new Name("Новикова", "Novikova"), new Name("Фёдоров", "Fedorov", "Fyodorov"), new Name("Морозова", "Morozova"),
            new Name("Волков", "Volkov"), new Name("Алексеева", "Alekseeva", "Alexeeva"), new Name("Лебедев", "Lebedev"),
            new Name("Семёнова", "Semenova", "Semyonova"), new Name("Егоров", "Egorov", "Yegorov"), new Name("Павлова", "Pavlova"),
            new Name("Козлов", "Kozlov"), new Name("Степанова", "Stepanova"), new Name("Николаев", "Nikolaev", "Nikolayev"),
            new Name("Орлова", "Orlova"), new Name("Андреев", "Andreev", "Andreyev"), new Name("Макарова", "Makarova"),
            new Name("Зайцев", "Zaitsev", "Zaytsev"), new Name("Соловьёва", "Solovieva", "Solovyova"), new Name("Жуков", "Zhukov"),
            new Name("Чернова", "Chernova"), new Name("Щукин", "Shchukin", "Schukin"), new Name("Юдина", "Yudina", "Iudina"),
            new Name("Цветкова", "Tsvetkova", "Cvetkova"), new Name("Хохлов", "Khokhlov", "Hohlov"), new Name("Ёлкин", "Elkin", "Yolkin"));

    /** One account: its username, its display name, and the words of the name in both alphabets (for queries). */
    record Person(String username, String displayName, boolean cyrillic, List<String> cyrillicWords,
                  List<String> latinWords) {
    }

    private GraphPeople() {
    }

    /** {@code count} people, {@code cyrillicShare} of them with a Cyrillic display name, the same for the same seed. */
    static List<Person> generate(int count, double cyrillicShare, long seed) {
        Random random = new Random(seed);
        Set<String> skeletons = new HashSet<>();
        List<Person> people = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Name first = FIRST.get(random.nextInt(FIRST.size()));
            Name surname = SURNAMES.get(random.nextInt(SURNAMES.size()));
            boolean cyrillic = random.nextDouble() < cyrillicShare;
            String firstLatin = first.latin()[random.nextInt(first.latin().length)];
            String surnameLatin = surname.latin()[random.nextInt(surname.latin().length)];
            String displayName = cyrillic ? first.cyrillic() + " " + surname.cyrillic() : firstLatin + " " + surnameLatin;
            String base = surname.latin()[0].toLowerCase(java.util.Locale.ROOT) + "_" + i;
            String username = base;
            // Digits pass for letters in the skeleton (1 for l, 0 for o): a rare clash takes a further suffix.
            for (int extra = 2; !skeletons.add(UsernameSkeleton.of(username)); extra++) {
                username = base + "_" + extra;
            }
            people.add(new Person(username, displayName, cyrillic, List.of(first.cyrillic(), surname.cyrillic()),
                    List.of(firstLatin, surnameLatin)));
        }
        return people;
    }
}
