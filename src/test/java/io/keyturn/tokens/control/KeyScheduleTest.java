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

    /** key-publish-seconds raised after a rotation: before, key 1 (retired, out of every JWKS) signed again. */
    @Test
    void whenNoKeyIsOldEnoughTheNewestSignsNotARetiredOne() {
        List<SigningKey> keys = List.of(key(4, 30), key(3, 60), key(2, 90), key(1, 125));
        KeySchedule raised = schedule(360);

        assertEquals(0, raised.signer(keys, NOW));
        assertEquals("kid-4", raised.verifying(keys, NOW).get(0).kid(), "the signer is published");
    }
}
