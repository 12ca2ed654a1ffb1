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
}
