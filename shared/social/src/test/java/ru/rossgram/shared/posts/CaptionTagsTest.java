package ru.rossgram.shared.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CaptionTagsTest {
    @Test
    void hashtags_takeUnicodeLettersDigitsAndUnderscore_lowerCased_inOrderOfFirstUse() {
        CaptionTags tags = CaptionTags.in("Белые ночи #Питер #white_nights2026, снова #ПИТЕР и #Нева!");
        assertEquals(List.of("питер", "white_nights2026", "нева"), tags.hashtags());
    }

    @Test
    void hashtags_stopAtPunctuationAndSpaces() {
        assertEquals(List.of("закат", "море"), CaptionTags.in("#закат.#море? # пусто #").hashtags());
    }

    @Test
    void hashtags_gluedToAWord_areNotTags() {
        assertEquals(List.of("tag"), CaptionTags.in("C# and F# and x#y, but #tag").hashtags());
    }

    @Test
    void hashtags_precomposedAndDecomposedLetters_areOneTag() {
        String precomposed = "#чай";      // й as one code point
        String decomposed = "#чаи\u0306";  // и + combining breve
        assertEquals(List.of("чай"), CaptionTags.in(precomposed + " " + decomposed).hashtags());
    }

    @Test
    void hashtags_longerThanTheLimit_areIgnored_notTruncated() {
        String longTag = "#" + "я".repeat(CaptionTags.HASHTAG_MAX + 1);
        assertEquals(List.of("ok"), CaptionTags.in(longTag + " #ok").hashtags());
    }

    @Test
    void mentions_followUsernameRules_lowerCased_deduplicated() {
        CaptionTags tags = CaptionTags.in("С @Masha.Petrova и @ivan_77, спасибо @masha.petrova!");
        assertEquals(List.of("masha.petrova", "ivan_77"), tags.mentions());
    }

    @Test
    void mentions_dropTrailingDots_asSentencePunctuation() {
        assertEquals(List.of("masha"), CaptionTags.in("Фото: @masha.").mentions());
    }

    @Test
    void mentions_ignoreEmailsTooShortTooLongAndMixedAlphabetNames() {
        CaptionTags tags = CaptionTags.in("masha@example.ru @ab @" + "a".repeat(31) + " @buzоva @ivanя @ok_name");
        assertEquals(List.of("ok_name"), tags.mentions());
    }

    @Test
    void mentions_ofCyrillicNames_count_lowerCased() {
        CaptionTags tags = CaptionTags.in("Спасибо @Маша.Фото и @ёлка_2026!");
        assertEquals(List.of("маша.фото", "ёлка_2026"), tags.mentions());
    }

    @Test
    void emptyOrAbsentCaption_hasNoTags() {
        assertEquals(new CaptionTags(List.of(), List.of()), CaptionTags.in(""));
        assertEquals(new CaptionTags(List.of(), List.of()), CaptionTags.in(null));
    }
}
