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

    /**
     * A publish period shorter than two reload intervals (here none at all, reloads every 30 s): the instance that
     * stored the key would sign with it at once, while another instance learns of it only at its next reload and
     * refuses those tokens until then. The key waits two reload intervals instead.
     */
    @Test
    void aNewKeyWaitsTwoReloadIntervalsWhateverThePublishPeriod() {
        KeySchedule schedule = new KeySchedule(Duration.ofSeconds(600), Duration.ZERO, Duration.ofSeconds(30),
                Duration.ofSeconds(60));
        assertEquals(Duration.ofSeconds(60), schedule.untilSigning());
        List<SigningKey> justStored = List.of(key(2, 0), key(1, 700));
        assertEquals(1, schedule.signer(justStored, NOW), "not the key other instances have not loaded yet");
        assertEquals(1, schedule.signer(List.of(key(2, 59), key(1, 759)), NOW));
        assertEquals(0, schedule.signer(List.of(key(2, 60), key(1, 760)), NOW), "every instance has it now");
    }

    @Test
    void aLongerPublishPeriodIsKept() {
        KeySchedule schedule = new KeySchedule(Duration.ofSeconds(7200), Duration.ofSeconds(360),
                Duration.ofSeconds(60), Duration.ofSeconds(930));
        assertEquals(Duration.ofSeconds(360), schedule.untilSigning());
    }

    /**
     * A retired key verifies until the last token it may have signed is refused as expired anyway: its successor's
     * wait before signing, one reload for an instance that noticed late, then the tokens' accepted life (lifetime and
     * clock skew). Dropped sooner, such a token is refused as signed by an unknown key, a suspect token, instead.
     */
    @Test
    void aRetiredKeyVerifiesUntilItsLastTokenIsPastItsAcceptedLife() {
        KeySchedule schedule = new KeySchedule(Duration.ofSeconds(600), Duration.ZERO, Duration.ofSeconds(30),
                Duration.ofSeconds(930));
        long lastSignature = 60 + 30;
        assertEquals(2, schedule.verifying(List.of(key(2, lastSignature + 929), key(1, 2000)), NOW).size());
        assertEquals(1, schedule.verifying(List.of(key(2, lastSignature + 930), key(1, 2000)), NOW).size());
    }
}
