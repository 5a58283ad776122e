package ru.rossgram.shared.config;

import com.github.f4b6a3.ulid.Ulid;
import com.github.f4b6a3.ulid.UlidFactory;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import ru.rossgram.shared.snapshot.Entropy;

/**
 * The one source of ids: ULIDs, which sort by creation time, so "newest first" is a key order.
 * Monotonic within a millisecond, so ids made in one burst still sort in the order they were made.
 *
 * <p>Random bits from {@link Entropy} (ids appear in URLs and tokens: not guessable), drawn at each new millisecond,
 * so containers resumed from one SnapStart snapshot draw apart: the factory's only other state, the last id, is
 * of the snapshot's millisecond, which no restored container's clock shows again.
 */
@Singleton
public class IdGenerator {
    /** 26 characters of Crockford's base32, upper case as we make them; the first is at most 7 (128 bits). */
    private static final Pattern ULID = Pattern.compile("[0-7][0-9A-HJKMNP-TV-Z]{25}");

    private final UlidFactory factory;
    private final Clock clock;

    public IdGenerator(Clock clock) {
        this.clock = clock;
        LongSupplier randomBits = () -> Entropy.random().nextLong(); // the current source at each draw
        this.factory = UlidFactory.newMonotonicInstance(randomBits, clock::millis);
    }

    public String newId() {
        return factory.create().toString();
    }

    /**
     * An id whose 80 random bits are drawn afresh every time, for an id that must tell nothing of any other:
     * {@link #newId()} makes the ids of one millisecond by adding one to the last. Still sorts by its millisecond.
     */
    public String newUnrelatedId() {
        byte[] bits = new byte[10];
        Entropy.random().nextBytes(bits);
        return new Ulid(clock.millis(), bits).toString();
    }

    /**
     * The id of something brought over from elsewhere (an imported post or photo): its time part is {@code at}, so it
     * sorts where an id made at that moment would; its 80 other bits are the first 80 of a SHA-256 over {@code parts}
     * (each length-prefixed, so no two lists of parts run together), so the same thing always gets the same id and a
     * retried import creates nothing new.
     *
     * @throws IllegalArgumentException for a moment before 1970 or past the ULID's range
     */
    public static String derivedId(Instant at, String... parts) {
        long millis = at.toEpochMilli();
        if (millis < 0 || millis > 0xFFFF_FFFF_FFFFL) {
            throw new IllegalArgumentException("no ULID for the moment " + at);
        }
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
        }
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha256.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
            sha256.update(bytes);
        }
        return new Ulid(millis, Arrays.copyOf(sha256.digest(), 10)).toString();
    }

    /** The lowest id made at {@code at} or later: a key-range bound for "since then". */
    public static String lowestIdAt(Instant at) {
        return new Ulid(at.toEpochMilli(), new byte[10]).toString();
    }

    /** Whether {@code id} has the shape of an id we make; anything else names nothing we store. */
    public static boolean isWellFormed(String id) {
        return id != null && ULID.matcher(id).matches();
    }
}
