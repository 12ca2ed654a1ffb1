package io.keyturn.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SettingNumbersTest {

    @Test
    void readsWholeNumbersWithBlanksAround() {
        assertEquals(900, SettingNumbers.whole("900", "keyturn.x"));
        assertEquals(900, SettingNumbers.whole(" 900\t", "keyturn.x"));
        assertEquals(900, SettingNumbers.whole("+900", "keyturn.x"));
        assertEquals(-1, SettingNumbers.whole("-1", "keyturn.x")); // the range check names it
        assertEquals(0, SettingNumbers.whole("0", "keyturn.x"));
        assertEquals(7, SettingNumbers.whole("007", "keyturn.x"));
        assertEquals(Long.MAX_VALUE, SettingNumbers.whole("9223372036854775807", "keyturn.x"));
        assertEquals(Long.MIN_VALUE, SettingNumbers.whole("-9223372036854775808", "keyturn.x"));
    }

    /** Payara injected the property's default for each of these, silently. */
    @Test
    void refusesEverythingElseNamingTheProperty() {
        for (String wrong : Arrays.asList("15m", "1h", "fifty", "", " ", null, "1.5", "1e3", "1_000", "1,000",
                "0x10", "9223372036854775808", "-9223372036854775809", "99999999999999999999", "\u0661\u0662",
                "+", "1 000")) {
            IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
                    () -> SettingNumbers.whole(wrong, "keyturn.throttle.window-seconds"), wrong);
            assertEquals("keyturn.throttle.window-seconds must be a whole number, not \"" + wrong + "\"",
                    refusal.getMessage());
        }
    }

    @Test
    void anIntSettingRefusesNumbersBeyondAnInt() {
        assertEquals(Integer.MAX_VALUE, SettingNumbers.wholeInt("2147483647", "keyturn.x"));
        assertEquals(Integer.MIN_VALUE, SettingNumbers.wholeInt(" -2147483648 ", "keyturn.x"));
        assertEquals("keyturn.sessions.max-per-user must be a whole number between -2147483648 and 2147483647, "
                + "not \"2147483648\"", assertThrows(IllegalArgumentException.class,
                        () -> SettingNumbers.wholeInt("2147483648", "keyturn.sessions.max-per-user")).getMessage());
        assertEquals("keyturn.sessions.max-per-user must be a whole number, not \"fifty\"",
                assertThrows(IllegalArgumentException.class,
                        () -> SettingNumbers.wholeInt("fifty", "keyturn.sessions.max-per-user")).getMessage());
    }
}
