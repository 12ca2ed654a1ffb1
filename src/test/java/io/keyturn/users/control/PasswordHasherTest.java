package io.keyturn.users.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.keyturn.users.control.PasswordHasher.PasswordCheck;
import io.keyturn.users.entity.Argon2Settings;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    /** OWASP's Argon2id minimum, Keyturn's default: 19 MiB, 2 iterations, 1 lane. */
    private static final PasswordHasher DEFAULT = new PasswordHasher(19456, 2, 1);
    /** Cheap parameters where only the behaviour, not the strength, is under test. */
    private static final PasswordHasher FAST = new PasswordHasher(1024, 1, 1);

    /** $argon2id$v=19$m=..,t=..,p=..$<16-byte salt, base64 unpadded>$<32-byte hash, base64 unpadded>. */
    private static final Pattern DEFAULT_PHC = Pattern.compile(
            "^\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}$");

    @Test
    void hashIsAnArgon2idPhcStringWithTheDefaultParameters() {
        String hash = DEFAULT.hash("correct horse battery staple");
        assertTrue(DEFAULT_PHC.matcher(hash).matches(), () -> "not the expected PHC string: " + hash);
    }

    @Test
    void theSettingsConstructorUsesTheConfiguredParameters() {
        String hash = new PasswordHasher(new Argon2Settings(2048, 3, 1), HashingCapacity.ofThisHeap())
                .hash("correct horse battery staple");
        assertTrue(hash.startsWith("$argon2id$v=19$m=2048,t=3,p=1$"), hash);
    }

    @Test
    void theSaltMakesTwoHashesOfOnePasswordDiffer() {
        String first = FAST.hash("same password twice");
        String second = FAST.hash("same password twice");
        assertNotEquals(first, second);
        String[] firstParts = first.split("\\$");
        String[] secondParts = second.split("\\$");
        assertNotEquals(firstParts[4], secondParts[4], "salts differ");
        assertTrue(FAST.check("same password twice", first).matches());
        assertTrue(FAST.check("same password twice", second).matches());
    }

    @Test
    void checkAcceptsTheRightPasswordAndRefusesAWrongOne() {
        String hash = DEFAULT.hash("correct horse battery staple");
        PasswordCheck right = DEFAULT.check("correct horse battery staple", hash);
        assertTrue(right.matches());
        assertFalse(right.needsRehash(), "a hash made with the current parameters needs no rehash");

        PasswordCheck wrong = DEFAULT.check("correct horse battery stapler", hash);
        assertFalse(wrong.matches());
        assertFalse(wrong.needsRehash(), "a wrong password never asks for a rehash");
        assertFalse(DEFAULT.check("", hash).matches());
        assertFalse(DEFAULT.check("Correct horse battery staple", hash).matches(), "case matters");
    }

    @Test
    void needsRehashWhenTheStoredHashHasOtherParameters() {
        String weaker = new PasswordHasher(8192, 1, 1).hash("an older password hash");
        assertTrue(weaker.startsWith("$argon2id$v=19$m=8192,t=1,p=1$"), weaker);

        PasswordCheck check = DEFAULT.check("an older password hash", weaker);
        assertTrue(check.matches(), "hashes made under older parameters still verify");
        assertTrue(check.needsRehash(), "and are flagged for an upgrade");

        assertFalse(DEFAULT.check("not the password", weaker).needsRehash(), "only after a correct password");
        assertFalse(FAST.check("the same parameters", FAST.hash("the same parameters")).needsRehash());
    }

    @Test
    void a128CharacterPasswordIsNotTruncated() {
        String base = "p".repeat(127);
        String password = base + "a";
        String almost = base + "b";
        assertEquals(128, password.length());
        String hash = FAST.hash(password);
        assertTrue(FAST.check(password, hash).matches());
        assertFalse(FAST.check(almost, hash).matches(), "a password differing only in its last character");
        assertFalse(FAST.check(base, hash).matches(), "a prefix of the password");
    }

    @Test
    void aPasswordDifferingAfterByte72IsRefused() {
        // bcrypt would silently ignore everything after byte 72; Argon2 must not
        String prefix = "x".repeat(72);
        String password = prefix + "é";
        String other = prefix + "è";
        assertEquals(74, password.getBytes(StandardCharsets.UTF_8).length);
        String hash = FAST.hash(password);
        assertTrue(FAST.check(password, hash).matches());
        assertFalse(FAST.check(other, hash).matches());
        assertFalse(FAST.check(prefix, hash).matches());
    }

    @Test
    void multiByteUtf8PasswordsLongerThan72BytesAreNotTruncated() {
        String base = "€".repeat(29); // 87 bytes of UTF-8 in 29 characters
        String password = base + "ü";
        String other = base + "ö";
        assertTrue(password.getBytes(StandardCharsets.UTF_8).length > 72);
        String hash = FAST.hash(password);
        assertTrue(FAST.check(password, hash).matches());
        assertFalse(FAST.check(other, hash).matches());
    }

    @Test
    void aHashPassword4jStoredAtTheDefaultParametersVerifiesWithoutARehash() {
        // every hash Keyturn stored before it moved to Bouncy Castle was made like this
        String stored = password4jArgon2id("correct horse battery staple", 19456, 2, 32);
        PasswordCheck check = DEFAULT.check("correct horse battery staple", stored);
        assertTrue(check.matches());
        assertFalse(check.needsRehash(), "same cost, same length: nothing to upgrade");
        assertFalse(DEFAULT.check("correct horse battery stapler", stored).matches());
    }

    @Test
    void password4jVerifiesTheHashesKeyturnStores() {
        String hash = DEFAULT.hash("Grüße aus Köln, 2026!");
        assertTrue(Password.check("Grüße aus Köln, 2026!", hash).with(Argon2Function.getInstanceFromHash(hash)));
        assertFalse(Password.check("Grüße aus Köln, 2026?", hash).with(Argon2Function.getInstanceFromHash(hash)));
    }

    @Test
    void aStoredHashWithAnotherDigestLengthVerifiesAndAsksForARehash() {
        String longer = password4jArgon2id("a sixty-four byte digest", 1024, 1, 64);
        PasswordCheck check = FAST.check("a sixty-four byte digest", longer);
        assertTrue(check.matches());
        assertTrue(check.needsRehash(), "Keyturn stores 32-byte digests");
    }

    @Test
    void aStoredHashWithAShortSaltVerifiesAndAsksForARehash() {
        byte[] salt = {1, 2, 3, 4, 5, 6, 7, 8};
        String eightByteSalt = Argon2Hash.compute(Argon2Hash.Cost.argon2id(1024, 1, 1), salt, 32, "salted lightly")
                .encoded();
        PasswordCheck check = FAST.check("salted lightly", eightByteSalt);
        assertTrue(check.matches());
        assertTrue(check.needsRehash(), "Keyturn stores 16-byte salts");
        assertFalse(FAST.check("salted heavily", eightByteSalt).needsRehash(), "only after a correct password");
        assertFalse(FAST.check("salted lightly", FAST.hash("salted lightly")).needsRehash(), "a 16-byte salt is kept");
    }

    @Test
    void checkDecoyRunsWithoutThrowing() {
        assertDoesNotThrow(() -> DEFAULT.checkDecoy("any password at all"));
        assertDoesNotThrow(() -> DEFAULT.checkDecoy(""));
        assertDoesNotThrow(() -> DEFAULT.checkDecoy("ü".repeat(200)));
    }

    private static final String NFC = "pr\u00e9cis \u00e0 la lettre"; // precomposed é and à
    private static final String NFD = "pre\u0301cis a\u0300 la lettre"; // e and a with combining accents

    @Test
    void theComposedAndDecomposedSpellingsAreOnePassword() {
        assertNotEquals(NFC, NFD);
        String hash = FAST.hash(NFD);
        assertTrue(FAST.check(NFC, hash).matches(), "hashed as NFC");
        assertTrue(FAST.check(NFD, hash).matches());
        assertFalse(FAST.check(NFC, hash).needsRehash());
        assertFalse(FAST.check(NFD, hash).needsRehash());
        assertTrue(FAST.check(NFD, FAST.hash(NFC)).matches());
    }

    @Test
    void aHashOfTheTypedFormFromBeforeNormalizationStillVerifiesAndAsksForARehash() {
        // what hash(NFD) stored before passwords were normalized (Keyturn hashed with Password4j then): the
        // decomposed characters as typed
        String legacy = password4jArgon2id(NFD, 1024, 1, 32);
        assertFalse(FAST.check(NFC, legacy).matches(), "the NFC form is another byte sequence");

        PasswordCheck typed = FAST.check(NFD, legacy);
        assertTrue(typed.matches(), "the form as typed is tried once more");
        assertTrue(typed.needsRehash(), "and replaced by a hash of the NFC form");
        assertTrue(FAST.check(NFC, FAST.hash(NFD)).matches(), "which the NFC form matches");

        PasswordCheck wrong = FAST.check("pre\u0301cis a\u0300 la lettrE", legacy);
        assertFalse(wrong.matches());
        assertFalse(wrong.needsRehash());
    }

    @Test
    void anUnknownUserCostsAsManyArgon2ComputationsAsAWrongPassword() {
        CountingHasher hasher = new CountingHasher();
        String hash = hasher.hash(NFC);
        for (String wrong : new String[] {"wrong but composed", "wrong and decompose\u0301d"}) {
            hasher.computations = 0;
            hasher.check(wrong, hash);
            int real = hasher.computations;
            hasher.computations = 0;
            hasher.checkDecoy(wrong);
            assertEquals(real, hasher.computations, () -> "for " + wrong);
        }
        hasher.computations = 0;
        hasher.check("wrong and decompose\u0301d", hash);
        assertEquals(2, hasher.computations, "input NFC changes: the NFC form, then the form as typed");
        hasher.computations = 0;
        hasher.check(NFC, hash);
        assertEquals(1, hasher.computations, "the right password: once");
    }

    /** A hash as Keyturn stored them before Bouncy Castle: Password4j's, with a 16-byte salt and one lane. */
    private static String password4jArgon2id(String password, int memoryKib, int iterations, int digestBytes) {
        return Password.hash(password).addRandomSalt(16)
                .with(Argon2Function.getInstance(memoryKib, iterations, 1, digestBytes, Argon2.ID)).getResult();
    }

    private static final class CountingHasher extends PasswordHasher {
        int computations;

        CountingHasher() {
            super(1024, 1, 1);
        }

        @Override
        boolean argon2Matches(Argon2Hash stored, String candidate) {
            computations++;
            return super.argon2Matches(stored, candidate);
        }
    }
}
