package io.keyturn.users.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminSettingsTest {

    @Test
    void unsetIsEmpty() {
        AdminSettings settings = new AdminSettings(null, null);
        assertEquals(Optional.empty(), settings.username());
        assertEquals(Optional.empty(), settings.password());
    }

    @Test
    void thePasswordStaysOutOfItsText() {
        String text = new AdminSettings(Optional.of("root"), Optional.of("hunter2-but-longer")).toString();
        assertTrue(text.contains("root"), text);
        assertFalse(text.contains("hunter2"), text);
    }
}
