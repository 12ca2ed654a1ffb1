package io.keyturn.tokens.control;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable identifiers from the platform CSPRNG, base64url without padding. */
public final class RandomTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private RandomTokens() {
    }

    public static String newToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return BASE64URL.encodeToString(random);
    }
}
