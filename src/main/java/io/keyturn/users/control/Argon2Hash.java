package io.keyturn.users.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * One stored Argon2 hash: its cost, salt and digest, in the PHC string format the Argon2 reference implementation
 * writes ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<digest>}, unpadded standard Base64), so hashes move to and
 * from other Argon2 implementations. Bouncy Castle computes the digest; it has no string format of its own, hence
 * this class.
 *
 * @param cost   the variant, version, memory, passes and lanes the digest was made with
 * @param salt   the salt, as stored
 * @param digest the Argon2 output; its length is part of what is checked
 */
record Argon2Hash(Cost cost, byte[] salt, byte[] digest) {

    /** Variant, version 16 ({@code v=16}, or no {@code v}) or 19, and the PHC parameters {@code m}, {@code t}, {@code p}. */
    private static final Pattern PHC = Pattern.compile(
            "\\$(argon2id|argon2i|argon2d)\\$(?:v=(16|19)\\$)?m=(\\d{1,9}),t=(\\d{1,9}),p=(\\d{1,8})"
                    + "\\$([A-Za-z0-9+/]{11,})\\$([A-Za-z0-9+/]{6,})");
    private static final int VERSION_13 = Argon2Parameters.ARGON2_VERSION_13;
    private static final int VERSION_10 = Argon2Parameters.ARGON2_VERSION_10;

    /**
     * What a digest costs to compute. Two hashes with equal costs and digest lengths took the same work.
     *
     * @param variant     {@code argon2id}, {@code argon2i} or {@code argon2d}
     * @param version     0x13 (19, current) or 0x10 (16)
     * @param memoryKib   {@code m}
     * @param iterations  {@code t}
     * @param parallelism {@code p}
     */
    record Cost(String variant, int version, int memoryKib, int iterations, int parallelism) {

        static Cost argon2id(int memoryKib, int iterations, int parallelism) {
            return new Cost("argon2id", VERSION_13, memoryKib, iterations, parallelism);
        }

        private int bouncyCastleType() {
            return switch (variant) {
                case "argon2id" -> Argon2Parameters.ARGON2_id;
                case "argon2i" -> Argon2Parameters.ARGON2_i;
                case "argon2d" -> Argon2Parameters.ARGON2_d;
                default -> throw new IllegalArgumentException("unknown Argon2 variant " + variant);
            };
        }
    }

    /**
     * Reads a PHC string. The message of a failure names what is wrong, never the string itself.
     *
     * @throws IllegalArgumentException when it is not an Argon2 PHC string
     */
    static Argon2Hash parse(String phc) {
        Matcher parts = PHC.matcher(phc);
        if (!parts.matches()) {
            throw new IllegalArgumentException("not an Argon2 PHC string");
        }
        int version = parts.group(2) == null || parts.group(2).equals("16") ? VERSION_10 : VERSION_13;
        Cost cost = new Cost(parts.group(1), version, Integer.parseInt(parts.group(3)),
                Integer.parseInt(parts.group(4)), Integer.parseInt(parts.group(5)));
        return new Argon2Hash(cost, base64(parts.group(6)), base64(parts.group(7)));
    }

    private static byte[] base64(String unpadded) {
        try {
            return Base64.getDecoder().decode(unpadded);
        } catch (IllegalArgumentException notBase64) { // a length that no byte count encodes to
            throw new IllegalArgumentException("not an Argon2 PHC string");
        }
    }

    /** Computes the hash of the password's UTF-8 bytes. */
    static Argon2Hash compute(Cost cost, byte[] salt, int digestBytes, String password) {
        return new Argon2Hash(cost, salt.clone(), argon2(cost, salt, digestBytes, password));
    }

    /** Whether the password's UTF-8 bytes give this digest with this cost and salt, compared in constant time. */
    boolean matches(String password) {
        return MessageDigest.isEqual(digest, argon2(cost, salt, digest.length, password));
    }

    /** The PHC string, {@code v=19} written always as the reference implementation does. */
    String encoded() {
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return "$" + cost.variant() + "$v=" + cost.version() + "$m=" + cost.memoryKib() + ",t=" + cost.iterations()
                + ",p=" + cost.parallelism() + "$" + base64.encodeToString(salt) + "$"
                + base64.encodeToString(digest);
    }

    private static byte[] argon2(Cost cost, byte[] salt, int digestBytes, String password) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(cost.bouncyCastleType())
                .withVersion(cost.version())
                .withMemoryAsKB(cost.memoryKib())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] passwordBytes = password.getBytes(StandardCharsets.UTF_8);
        byte[] digest = new byte[digestBytes];
        try {
            generator.generateBytes(passwordBytes, digest);
            return digest;
        } finally {
            Arrays.fill(passwordBytes, (byte) 0);
        }
    }

    // readable in a log or a failed assertion, yet never the salt's or digest's bytes

    @Override
    public String toString() {
        return "Argon2Hash[" + cost + ", " + salt.length + "-byte salt, " + digest.length + "-byte digest]";
    }
}
