package io.keyturn.sessions.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyturn.sessions.entity.RefreshPolicy;
import org.junit.jupiter.api.Test;

class RefreshPolicyProducerTest {

    static RefreshPolicyProducer producer(long idle, long absolute, long grace) {
        return producer(String.valueOf(idle), String.valueOf(absolute), String.valueOf(grace));
    }

    static RefreshPolicyProducer producer(String idle, String absolute, String grace) {
        RefreshPolicyProducer producer = new RefreshPolicyProducer();
        producer.idleTtlSeconds = idle;
        producer.absoluteTtlSeconds = absolute;
        producer.graceSeconds = grace;
        return producer;
    }

    @Test
    void producesThePolicyOfTheConfiguredSeconds() {
        RefreshPolicyProducer producer = producer(604800, 2592000, 30); // the @ConfigProperty defaults
        producer.read();
        assertEquals(RefreshPolicy.ofSeconds(604800, 2592000, 30), producer.policy());
    }

    /** read() runs when the bean is created at start-up, so this is the message a failed deployment shows. */
    @Test
    void aWrongValueFailsNamingItsProperty() {
        RefreshPolicyProducer producer = producer(604800, 2592000, 604800);
        String message = assertThrows(IllegalArgumentException.class, producer::read).getMessage();
        assertTrue(message.startsWith("keyturn.refresh-token.grace-seconds must be less than"), message);
    }

    /** Payara injected the defaults for these without a word. */
    @Test
    void aValueThatIsNoWholeNumberFailsNamingItsProperty() {
        assertRefused("keyturn.refresh-token.idle-ttl-seconds must be a whole number, not \"7d\"",
                producer("7d", "2592000", "30"));
        assertRefused("keyturn.refresh-token.absolute-ttl-seconds must be a whole number, not \"30 days\"",
                producer("604800", "30 days", "30"));
        assertRefused("keyturn.refresh-token.grace-seconds must be a whole number, not \"30s\"",
                producer("604800", "2592000", "30s"));
    }

    private static void assertRefused(String message, RefreshPolicyProducer producer) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, producer::read).getMessage());
    }
}
