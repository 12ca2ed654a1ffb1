package io.keyturn.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RequestBodyLimitTest {

    @Test
    void theDefaultIsValid() {
        assertEquals(16384, new RequestBodyLimit(16384).maxBodyBytes());
    }

    @Test
    void refusalsNameTheProperty() {
        assertEquals("keyturn.request.max-body-bytes must be between 1 and 2147483646, not 0",
                assertThrows(IllegalArgumentException.class, () -> new RequestBodyLimit(0)).getMessage());
        // a chunked body is read one byte past the limit, which must still be an int
        assertThrows(IllegalArgumentException.class, () -> new RequestBodyLimit(Integer.MAX_VALUE));
    }

    /** Payara injected the default (16384) for these without a word. */
    @Test
    void aValueThatIsNoWholeNumberIsRefusedNamingTheProperty() {
        RequestBodyLimitProducer producer = new RequestBodyLimitProducer();
        producer.maxBodyBytes = " 32768 ";
        producer.read();
        assertEquals(32768, producer.limit().maxBodyBytes());
        producer.maxBodyBytes = "16k";
        assertEquals("keyturn.request.max-body-bytes must be a whole number, not \"16k\"",
                assertThrows(IllegalArgumentException.class, producer::read).getMessage());
    }
}
