package io.keyturn.users.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordRulesTest {

    private static final String NFC = "caf\u00e9 cr\u00e8me br\u00fbl\u00e9e"; // precomposed é, è, û
    private static final String NFD = "cafe\u0301 cre\u0300me bru\u0302le\u0301e"; // letters + combining accents

    @Test
    void normalizedIsNfc() {
        assertNotEquals(NFC, NFD, "two spellings of one text");
        assertEquals(NFC, PasswordRules.normalized(NFD));
        assertEquals(NFC, PasswordRules.normalized(NFC));
        assertEquals("\uff41\uff42\uff43 \ufb01", PasswordRules.normalized("\uff41\uff42\uff43 \ufb01"),
                "NFC, not NFKC: fullwidth letters and ligatures stay what the user chose");
    }

    @Test
    void anOrdinaryPassphraseIsAccepted() {
        assertEquals(Optional.empty(), PasswordRules.refusal("correct horse battery", "alice"));
        assertEquals(Optional.empty(), PasswordRules.refusal(NFD, "alice"));
        assertEquals(Optional.empty(), PasswordRules.refusal("  padded with spaces  ", "alice"),
                "spaces are allowed anywhere, as long as there is something else");
        assertEquals(Optional.empty(), PasswordRules.refusal("alice-and-more", "alice"),
                "containing the username is not being it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"          ", "\t\t\t\t\t\t\t\t", "\n\n\n\n\n\n\n\n", "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0",
            "\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000", "\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b",
            " \u2007 \u202f \u2028 \u2029 \ufeff"})
    void onlyWhitespaceOrInvisibleCharactersIsRefused(String blank) {
        assertEquals(Optional.of("must not be only whitespace"), PasswordRules.refusal(blank, "alice"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alexander", "ALEXANDER", "Alexander", " alexander ",
            "\uff41\uff4c\uff45\uff58\uff41\uff4e\uff44\uff45\uff52"}) // fullwidth "alexander"
    void thePasswordMayNotBeTheUsernameInAnyCaseOrCompatibilitySpelling(String password) {
        assertEquals(Optional.of("must not be the username"), PasswordRules.refusal(password, "alexander"));
        assertEquals(Optional.of("must not be the username"), PasswordRules.refusal(password, "Alexander"));
    }

    @Test
    void withoutAUsernameOnlyTheOtherRulesApply() {
        assertEquals(Optional.empty(), PasswordRules.refusal("alexander", null));
        assertTrue(PasswordRules.refusal("        ", null).isPresent());
    }

    @Test
    void theLengthLimitsAreNistsMinimumAndABoundOnHashingWork() {
        assertEquals(8, PasswordRules.MIN_LENGTH);
        assertEquals(128, PasswordRules.MAX_LENGTH);
    }

    /** Checked here too, not only at the boundary: the bootstrap administrator's password comes from settings. */
    @Test
    void aPasswordOutsideTheLengthLimitsIsRefused() {
        String refusal = "must be 8 to 128 characters";
        assertEquals(Optional.of(refusal), PasswordRules.refusal("abc12", "x"));
        assertEquals(Optional.of(refusal), PasswordRules.refusal("a".repeat(129), "alice"));
        assertEquals(Optional.of(refusal), PasswordRules.refusal(null, "alice"));
        assertEquals(Optional.empty(), PasswordRules.refusal("a1b2c3d4", "alice"));
        assertEquals(Optional.empty(), PasswordRules.refusal("a".repeat(128), "alice"));
    }
}
