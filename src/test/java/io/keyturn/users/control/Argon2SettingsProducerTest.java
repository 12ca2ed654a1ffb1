package io.keyturn.users.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keyturn.users.entity.Argon2Settings;
import io.keyturn.users.entity.HashingLimits;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class Argon2SettingsProducerTest {

    private static Argon2SettingsProducer producer(String memoryKib, String iterations, String parallelism) {
        Argon2SettingsProducer producer = new Argon2SettingsProducer();
        producer.memoryKib = memoryKib;
        producer.iterations = iterations;
        producer.parallelism = parallelism;
        producer.hashingMemoryMib = Optional.empty();
        producer.hashingWaitSeconds = "10"; // the @ConfigProperty defaults
        producer.hashingMaxWaiting = "100";
        return producer;
    }

    @Test
    void producesTheConfiguredSettings() {
        Argon2SettingsProducer producer = producer("19456", " 2 ", "1"); // the @ConfigProperty defaults
        producer.read();
        assertEquals(new Argon2Settings(19456, 2, 1), producer.settings());
    }

    /** Payara injected the defaults for these without a word, a memory beyond an int included. */
    @Test
    void aValueThatIsNoWholeNumberFailsNamingItsProperty() {
        assertRefused("keyturn.password.argon2.memory-kib must be a whole number, not \"19MiB\"",
                producer("19MiB", "2", "1"));
        assertRefused("keyturn.password.argon2.memory-kib must be a whole number between -2147483648 and "
                + "2147483647, not \"4294967296\"", producer("4294967296", "2", "1"));
        assertRefused("keyturn.password.argon2.iterations must be a whole number, not \"two\"",
                producer("19456", "two", "1"));
        assertRefused("keyturn.password.argon2.parallelism must be a whole number, not \"1.0\"",
                producer("19456", "2", "1.0"));
    }

    /** With -Xmx512m: 128 MiB, six checks of 19 MiB at once. */
    @Test
    void theHashingBudgetIsAQuarterOfTheHeapByDefault() {
        Argon2SettingsProducer producer = producer("19456", "2", "1");
        producer.read();
        assertEquals(new HashingLimits((int) (Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024)), 10, 100),
                producer.limits());
    }

    @Test
    void theConfiguredHashingBudgetAndWaitAreTaken() {
        Argon2SettingsProducer producer = producer("19456", "2", "1");
        producer.hashingMemoryMib = Optional.of("64");
        producer.hashingWaitSeconds = "0";
        producer.hashingMaxWaiting = "7";
        producer.read();
        assertEquals(new HashingLimits(64, 0, 7), producer.limits());
    }

    /** Every login would wait for room that never comes: the start fails instead, naming both properties. */
    @Test
    void aHashingBudgetTooSmallForOneHashFailsTheStart() {
        Argon2SettingsProducer producer = producer("65536", "2", "1");
        producer.hashingMemoryMib = Optional.of("32");
        assertRefused("keyturn.password.hashing.memory-mib (32 MiB) must hold at least one hash of "
                + "keyturn.password.argon2.memory-kib (65536 KiB): raise it, or the JVM's maximum heap it defaults to "
                + "a quarter of", producer);
    }

    @Test
    void aHashingSettingThatIsNoWholeNumberFailsNamingItsProperty() {
        Argon2SettingsProducer producer = producer("19456", "2", "1");
        producer.hashingMemoryMib = Optional.of("128MiB");
        assertRefused("keyturn.password.hashing.memory-mib must be a whole number, not \"128MiB\"", producer);
        Argon2SettingsProducer waiting = producer("19456", "2", "1");
        waiting.hashingWaitSeconds = "ten";
        assertRefused("keyturn.password.hashing.wait-seconds must be a whole number, not \"ten\"", waiting);
        Argon2SettingsProducer queue = producer("19456", "2", "1");
        queue.hashingMaxWaiting = "all";
        assertRefused("keyturn.password.hashing.max-waiting must be a whole number, not \"all\"", queue);
    }

    private static void assertRefused(String message, Argon2SettingsProducer producer) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, producer::read).getMessage());
    }
}
