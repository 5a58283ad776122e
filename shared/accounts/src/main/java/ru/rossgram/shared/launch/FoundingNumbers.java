package ru.rossgram.shared.launch;

import jakarta.inject.Singleton;
import java.util.Map;
import ru.rossgram.shared.dynamo.Attrs;
import ru.rossgram.shared.dynamo.Counters;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Founding-member numbers: 1, 2, 3, ... in order of arrival, from one counter item, {@code LAUNCH} /
 * {@code FOUNDERS}, by an atomic {@code ADD} drawn just before the sign-up transaction. Numbers are unique and never
 * reused; a sign-up refused after drawing (its username taken, its invitation used up by a racing sign-up) leaves
 * its number unused, a gap. Drawing inside the transaction instead (a conditioned {@code SET} of the next number)
 * would close the gaps but make every founding sign-up contend for one item, and a burst of them end in 503s.
 */
@Singleton
public class FoundingNumbers {
    private static final Map<String, AttributeValue> COUNTER = Attrs.key("LAUNCH", "FOUNDERS");

    private final Counters counters;

    public FoundingNumbers(Counters counters) {
        this.counters = counters;
    }

    /** The next founding number, never handed out before. */
    public long draw() {
        return counters.next(COUNTER);
    }
}
