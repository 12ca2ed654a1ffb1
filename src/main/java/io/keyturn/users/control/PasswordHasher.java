package io.keyturn.users.control;

import io.keyturn.users.control.Argon2Hash.Cost;
import io.keyturn.users.entity.Argon2Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;

/**
 * Argon2id (Bouncy Castle) at OWASP's recommended parameters by default: 19 MiB, 2 iterations, 1 lane. The parameters
 * travel in each stored PHC string ({@link Argon2Hash}), so hashes made under older settings, or by another Argon2
 * implementation (Keyturn used Password4j before), still verify and are upgraded at the next successful login.
 * Argon2 has no input limit (unlike bcrypt's 72 bytes), so nothing is truncated.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final int HASH_BYTES = 32;
    private static final int SALT_BYTES = 16;
    private static final String TIMING_DECOY = "keyturn timing decoy: never a real password";

    private static final SecureRandom SALT_SOURCE = new SecureRandom();
    private Cost current;
    private HashingCapacity capacity;
    private String decoyHash;

    protected PasswordHasher() {
        // for the CDI proxy
    }

    @Inject
    public PasswordHasher(Argon2Settings settings, HashingCapacity capacity) {
        this.current = Cost.argon2id(settings.memoryKib(), settings.iterations(), settings.parallelism());
        this.capacity = capacity;
        this.decoyHash = hash(TIMING_DECOY);
    }

    /** Outside the container (tests, benchmarks): within a quarter of this JVM's heap, as the server by default. */
    public PasswordHasher(int memoryKib, int iterations, int parallelism) {
        this(new Argon2Settings(memoryKib, iterations, parallelism), HashingCapacity.ofThisHeap());
    }

    /**
     * Hashes the NFC form of the password ({@link PasswordRules#normalized}).
     *
     * @throws io.keyturn.problems.entity.ProblemException 503 when the heap budget of hashing stays full
     *                                                     ({@link HashingCapacity})
     */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        SALT_SOURCE.nextBytes(salt);
        return capacity.run(current.memoryKib(), () -> Argon2Hash.compute(current, salt, HASH_BYTES,
                PasswordRules.normalized(password))).encoded();
    }

    /**
     * Checks the NFC form of the password. Hashes stored before passwords were normalized were made from the bytes
     * as typed: when the NFC form does not match and the typed form differs from it, the typed form is checked once
     * more, and a match asks for a rehash (which stores the NFC form), like a hash with older parameters.
     *
     * @throws io.keyturn.problems.entity.ProblemException 503 when the heap budget of hashing stays full
     */
    public PasswordCheck check(String password, String storedHash) {
        Argon2Hash stored = Argon2Hash.parse(storedHash);
        String normalized = PasswordRules.normalized(password);
        if (argon2Matches(stored, normalized)) {
            return new PasswordCheck(true, weakerThanCurrent(stored));
        }
        boolean typedFormMatches = !normalized.equals(password) && argon2Matches(stored, password);
        return new PasswordCheck(typedFormMatches, typedFormMatches);
    }

    /**
     * Spends the time of a real check that fails (one Argon2 computation, or two for input that NFC changes), so an
     * unknown user is not told apart from a wrong password by timing.
     */
    public void checkDecoy(String password) {
        check(password, decoyHash);
    }

    /**
     * Made with other parameters, another digest length, or a salt shorter than Keyturn's 16 bytes (Argon2 accepts
     * 8; hashes imported from other systems may have them): the next successful check stores a hash made as today.
     */
    private boolean weakerThanCurrent(Argon2Hash stored) {
        return !stored.cost().equals(current) || stored.digest().length != HASH_BYTES
                || stored.salt().length < SALT_BYTES;
    }

    /** One Argon2 computation: a method of its own so a test can count them (their number must not tell users apart). */
    boolean argon2Matches(Argon2Hash stored, String candidate) {
        return capacity.run(stored.cost().memoryKib(), () -> stored.matches(candidate));
    }

    public record PasswordCheck(boolean matches, boolean needsRehash) {
    }
}
