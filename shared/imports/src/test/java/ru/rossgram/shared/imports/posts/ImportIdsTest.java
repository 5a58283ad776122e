package ru.rossgram.shared.imports.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.f4b6a3.ulid.Ulid;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.config.IdGenerator;

class ImportIdsTest {
    private static final String ANNA = "01JANNA0000000000000000000";
    private static final String BORIS = "01JBORIS000000000000000000";
    private static final Instant TAKEN = Instant.parse("2019-07-14T18:30:00Z");

    @Test
    void theSamePost_getsTheSameIds_everyTime() {
        assertEquals(ImportIds.postId(ANNA, "ig-1", 0, TAKEN), ImportIds.postId(ANNA, "ig-1", 0, TAKEN));
        assertEquals(ImportIds.uploadId(ANNA, "ig-1", 0, 3, TAKEN), ImportIds.uploadId(ANNA, "ig-1", 0, 3, TAKEN));
        assertTrue(IdGenerator.isWellFormed(ImportIds.postId(ANNA, "ig-1", 0, TAKEN)));
    }

    @Test
    void theIdsTimePart_isTheOriginalDate_soTheGridSortsItThere() {
        assertEquals(TAKEN, Ulid.from(ImportIds.postId(ANNA, "ig-1", 0, TAKEN)).getInstant());
        assertEquals(TAKEN, Ulid.from(ImportIds.uploadId(ANNA, "ig-1", 0, 0, TAKEN)).getInstant());
        String older = IdGenerator.lowestIdAt(TAKEN.minusSeconds(1));
        String newer = IdGenerator.lowestIdAt(TAKEN.plusSeconds(1));
        String post = ImportIds.postId(ANNA, "ig-1", 0, TAKEN);
        assertTrue(older.compareTo(post) < 0 && post.compareTo(newer) < 0);
    }

    @Test
    void everyUserPostPartAndPhoto_getsIdsOfItsOwn() {
        Set<String> ids = new HashSet<>();
        for (String user : List.of(ANNA, BORIS)) {
            for (String post : List.of("ig-1", "ig-2")) {
                for (int part = 0; part < 2; part++) {
                    ids.add(ImportIds.postId(user, post, part, TAKEN));
                    for (int media = 0; media < 3; media++) {
                        ids.add(ImportIds.uploadId(user, post, part, media, TAKEN));
                    }
                }
            }
        }
        assertEquals(2 * 2 * 2 * (1 + 3), ids.size());
        // Length-prefixed parts: ("ab", "c") and ("a", "bc") are different things.
        assertNotEquals(IdGenerator.derivedId(TAKEN, "ab", "c"), IdGenerator.derivedId(TAKEN, "a", "bc"));
    }

    @Test
    void aSplitCarousel_showsItsPartsInOrder_newestFirst() {
        String part0 = ImportIds.postId(ANNA, "ig-1", 0, TAKEN);
        String part1 = ImportIds.postId(ANNA, "ig-1", 1, TAKEN);
        assertTrue(part0.compareTo(part1) > 0, "part 0 above part 1 in a newest-first grid");
    }

    @Test
    void twelvePhotos_makeAPostOfTenAndOneOfTwo() {
        List<Integer> parts = IntStream.range(0, 12).map(i -> ImportIds.partOf(i, 10)).boxed().toList();
        assertEquals(List.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1), parts);
        assertEquals(0, ImportIds.partOf(9, 10));
        assertEquals(2, ImportIds.partOf(20, 10));
    }
}
