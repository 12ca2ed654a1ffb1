package io.keyturn.users.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {

    private static final String INVISIBLE = "must not contain invisible, formatting or control characters";
    private static final String WHITESPACE = "must not contain whitespace";

    @ParameterizedTest
    @ValueSource(strings = {"alice@example.com", "Alice.Smith+tag@Example.COM", "  alice@example.com  ",
            "j\u00fcrgen@b\u00fccher.example", "\uff41\uff4c\uff49\uff43\uff45@example.com"})
    void ordinaryAddressesAreAccepted(String email) {
        assertEquals(Optional.empty(), EmailAddresses.refusal(email));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ali\u200bce@example.com", // zero-width space
        "ali\u200cce@example.com", // zero-width non-joiner
        "ali\u200dce@example.com", // zero-width joiner
        "ali\u2060ce@example.com", // word joiner
        "\ufeffalice@example.com", // byte order mark
        "ali\u00adce@example.com", // soft hyphen
        "alice@exa\u202emple.com", // right-to-left override
        "ali\u2066ce\u2069@example.com", // left-to-right isolate ... pop directional isolate
        "alice\u200e@example.com", // left-to-right mark
        "alice@example.com\u0000", // NUL at the end: not whitespace, so stripping keeps it
        "ali\u0007ce@example.com", // bell
        "ali\u2028ce@example.com", // line separator
        "ali\u2029ce@example.com", // paragraph separator
        "ali\ud800ce@example.com" // a lone surrogate
    })
    void invisibleFormatAndControlCharactersAreRefused(String email) {
        assertEquals(Optional.of(INVISIBLE), EmailAddresses.refusal(email));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ali ce@example.com", "alice@ example.com", "ali\u00a0ce@example.com",
            "ali\u3000ce@example.com", "ali\u2009ce@example.com", "ali\u202fce@example.com",
            "ali\u00a8ce@example.com"}) // the diaeresis becomes space + combining mark under NFKC
    void whitespaceInsideIsRefused(String email) {
        assertEquals(Optional.of(WHITESPACE), EmailAddresses.refusal(email));
    }

    /** Re-probe finding: the syntax check saw one '@', the stored address had two. */
    @ParameterizedTest
    @ValueSource(strings = {"x\uFF20y@example.com", "x\uFE6By@example.com"})
    void aSecondAtSignThatNormalizationMakesIsRefused(String email) {
        assertEquals(Optional.of("must contain one '@' once normalized (a fullwidth or small '@' is one too)"),
                EmailAddresses.refusal(email));
    }

    @Test
    void anAddressThatNormalizationMakesTooLongIsRefused() {
        String ligatures = "\ufb03".repeat(84) + "@example.com"; // each "ffi" ligature becomes three letters
        assertEquals(96, ligatures.length());
        assertEquals(Optional.of("must be at most 254 characters once normalized"), EmailAddresses.refusal(ligatures));
    }

    /** A user registering ops@admin.invalid would keep the bootstrap administrator "ops" from being created. */
    @ParameterizedTest
    @ValueSource(strings = {"ops@admin.invalid", "OPS@Admin.Invalid", "ops@\uff41dmin.invalid"})
    void theBootstrapAdministratorsDomainIsReserved(String email) {
        assertEquals(Optional.of("must not be in the domain admin.invalid, which is the bootstrap administrator's"),
                EmailAddresses.refusal(email));
        assertEquals("ops@admin.invalid", EmailAddresses.bootstrapAddressOf("Ops"));
    }

    @Test
    void theCanonicalFormIsNfkcInLowerCase() {
        assertEquals("alice@example.com", UserRepository.canonical("Alice@Example.COM"));
        assertEquals("alice@example.com", UserRepository.canonical("\uff21\uff4c\uff49\uff43\uff45@example.com"),
                "fullwidth letters");
        assertEquals("alice@example.com", UserRepository.canonical("alice\uff20example.com"), "fullwidth @");
        assertEquals("office@example.com", UserRepository.canonical("o\ufb03ce@example.com"), "the ffi ligature");
        assertEquals("alice@example.com", UserRepository.canonical("  alice@example.com\t"), "stripped");
        assertEquals("j\u00fcrgen@example.com", UserRepository.canonical("Ju\u0308rgen@example.com"),
                "composed, like NFC");
    }

    @Test
    void loginsUseTheSameCanonicalForm() {
        assertEquals(UserRepository.canonical("alice"), UserRepository.canonical(" \uff21LICE "));
    }
}
