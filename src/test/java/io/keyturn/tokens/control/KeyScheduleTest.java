package io.keyturn.tokens.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keyturn.tokens.entity.SigningKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which generated key signs and which ones the JWKS publishes, for keys given newest first. */
class KeyScheduleTest {

    private static final Instant NOW = Instant.parse("2026-12-06T00:00:00Z");

    private static KeySchedule schedule(long publishSeconds) {
        return new KeySchedule(Duration.ofSeconds(publishSeconds * 2), Duration.ofSeconds(publishSeconds),
                Duration.ofSeconds(3), Duration.ofSeconds(30));
    }

    /** A key made {@code secondsAgo} before NOW; the schedule reads only its creation time. */
    private static SigningKey key(int sequenceNo, long secondsAgo) {
        return new SigningKey("kid-" + sequenceNo, "RS256", sequenceNo, "{}", NOW.minusSeconds(secondsAgo));
    }

    @Test
    void theNewestKeyPublishedLongEnoughSigns() {
        List<SigningKey> keys = List.of(key(3, 10), key(2, 100), key(1, 200));
        assertEquals(1, schedule(60).signer(keys, NOW), "key 3 is still being published; key 2 signs");
    }

    @Test
    void onAFirstStartTheOnlyKeySignsAtOnce() {
        assertEquals(0, schedule(60).signer(List.of(key(1, 0)), NOW));
    }

    /** Another instance stored a successor while the first key is still young: the successor must wait. */
    @Test
    void whenNoKeyIsOldEnoughTheOldestSignsNotAnUnpublishedSuccessor() {
        List<SigningKey> keys = List.of(key(2, 1), key(1, 60));
        KeySchedule schedule = schedule(360);

        assertEquals(1, schedule.signer(keys, NOW));
        assertEquals("kid-1", keys.get(schedule.signer(keys, NOW)).kid());
        assertEquals(2, schedule.verifying(keys, NOW).size(), "the successor is published meanwhile");
    }
}
