package io.keyturn.users.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keyturn.users.entity.Argon2Settings;
import org.junit.jupiter.api.Test;

class Argon2SettingsProducerTest {

    private static Argon2SettingsProducer producer(String memoryKib, String iterations, String parallelism) {
        Argon2SettingsProducer producer = new Argon2SettingsProducer();
        producer.memoryKib = memoryKib;
        producer.iterations = iterations;
        producer.parallelism = parallelism;
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

    private static void assertRefused(String message, Argon2SettingsProducer producer) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, producer::read).getMessage());
    }
}
