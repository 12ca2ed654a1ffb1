package io.keyturn.users.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyturn.users.control.Argon2Hash.Cost;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Argon2HashTest {

    /*
     * Known answers of the Argon2 reference implementation (the argon2 command of Debian's package 0~20171227), made
     * with: echo -n PASSWORD | argon2 SALT -id|-i|-d -t T -k M -p P -l LENGTH [-v 10] -e
     */
    private static final String REFERENCE_ID =
            "$argon2id$v=19$m=19456,t=2,p=1$a2V5dHVybi1zYWx0LTE2Yg$zb6yJeQYnX+6foXjmcgruxceIbn0aiTI/yNHsWul31c";
    private static final String REFERENCE_I_TWO_LANES =
            "$argon2i$v=19$m=64,t=3,p=2$c29tZXNhbHRzb21lc2FsdA$84z4z4qQZBUFhT9jt7WacVdDhARjSL1S";
    private static final String REFERENCE_D_VERSION_16 =
            "$argon2d$v=16$m=32,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$01yWwo26Krh1qLrBp1hbWQ";

    @Test
    void theReferenceImplementationsArgon2idHashOfKeyturnsDefaultCostMatches() {
        Argon2Hash reference = Argon2Hash.parse(REFERENCE_ID);
        assertEquals(Cost.argon2id(19456, 2, 1), reference.cost());
        assertTrue(reference.matches("correct horse battery staple"));
        assertFalse(reference.matches("correct horse battery stapl"));
    }

    @Test
    void computingTheReferenceInputGivesTheReferenceString() {
        byte[] salt = "keyturn-salt-16b".getBytes(StandardCharsets.US_ASCII);
        assertEquals(REFERENCE_ID,
                Argon2Hash.compute(Cost.argon2id(19456, 2, 1), salt, 32, "correct horse battery staple").encoded());
    }

    @Test
    void argon2iWithTwoLanesAndANonAsciiPasswordMatchesTheReference() {
        Argon2Hash reference = Argon2Hash.parse(REFERENCE_I_TWO_LANES);
        assertEquals(new Cost("argon2i", 19, 64, 3, 2), reference.cost());
        assertEquals(24, reference.digest().length);
        assertTrue(reference.matches("pr\u00e9cis"), "the password's UTF-8 bytes");
        assertFalse(reference.matches("pre\u0301cis"), "no normalization here: that is PasswordHasher's");
        assertEquals(REFERENCE_I_TWO_LANES, reference.encoded());
    }

    @Test
    void argon2dOfVersion16MatchesTheReference() {
        Argon2Hash reference = Argon2Hash.parse(REFERENCE_D_VERSION_16);
        assertEquals(new Cost("argon2d", 16, 32, 1, 1), reference.cost());
        assertTrue(reference.matches("password"));
        assertEquals(REFERENCE_D_VERSION_16, reference.encoded());
    }

    @Test
    void aStringWithoutAVersionIsVersion16AsThePhcFormatSays() {
        Argon2Hash unversioned = Argon2Hash.parse(REFERENCE_D_VERSION_16.replace("$v=16", ""));
        assertEquals(16, unversioned.cost().version());
        assertTrue(unversioned.matches("password"));
    }

    @Test
    void oneChangedDigestCharacterIsAMismatch() {
        String altered = REFERENCE_ID.replace("$zb6y", "$zc6y");
        assertFalse(Argon2Hash.parse(altered).matches("correct horse battery staple"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW",
        "$argon2x$v=19$m=19456,t=2,p=1$a2V5dHVybi1zYWx0LTE2Yg$zb6yJeQYnX+6foXjmcgruxceIbn0aiTI/yNHsWul31c",
        "$argon2id$v=18$m=19456,t=2,p=1$a2V5dHVybi1zYWx0LTE2Yg$zb6yJeQYnX+6foXjmcgruxceIbn0aiTI/yNHsWul31c",
        "$argon2id$v=19$m=19456,t=2$a2V5dHVybi1zYWx0LTE2Yg$zb6yJeQYnX+6foXjmcgruxceIbn0aiTI/yNHsWul31c",
        "$argon2id$v=19$m=19456,t=2,p=1$a2V5dHVybi1zYWx0LTE2Yg",
        "$argon2id$v=19$m=19456,t=2,p=1$c2hvcnQ$zb6yJeQYnX+6foXjmcgruxceIbn0aiTI/yNHsWul31c",
        "$argon2id$v=19$m=19456,t=2,p=1$a2V5dHVybi1zYWx0LTE2Y$zb6yJeQYnX+6foXjmcgruxceIbn0aiTI/yNHsWul31c",
        "$argon2id$v=19$m=19456,t=2,p=1$a2V5dHVybi1zYWx0LTE2Yg$zb6yJeQYnX+6foXjmcgruxceIbn0aiTI/yNHsWul31c=",
        "$argon2id$v=19$m=19456,t=2,p=1$a2V5dHVybi1zYWx0LTE2Yg$zb6yJeQYnX-6foXjmcgruxceIbn0aiTI_yNHsWul31c",
        "$argon2id$v=19$m=19456,t=2,p=1$a2V5dHVybi1zYWx0LTE2Yg$zb6yJeQYnX+6foXjmcgruxceIbn0aiTI/yNHsWul31c\n"
    })
    void whatIsNotAnArgon2PhcStringIsRefusedWithoutEchoingIt(String notPhc) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Argon2Hash.parse(notPhc));
        assertEquals("not an Argon2 PHC string", refused.getMessage());
    }

    @Test
    void toStringShowsTheCostButNotTheSaltOrDigest() {
        String text = Argon2Hash.parse(REFERENCE_ID).toString();
        assertTrue(text.contains("memoryKib=19456"), text);
        assertFalse(text.contains("zb6y") || text.contains("a2V5"), text);
    }
}
