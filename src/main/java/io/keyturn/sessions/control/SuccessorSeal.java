package io.keyturn.sessions.control;

import io.keyturn.tokens.control.SharedSecrets;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a successor refresh token with AES-256-GCM so the grace window can hand the very same successor to a retry
 * while the database holds no usable token: the ciphertext is bound to the retired token's hash and is erased when
 * the window closes. The key is generated once and shared by every instance through the database.
 */
@Singleton
@Startup
@DependsOn("StartupChecks") // settings are checked, and a refusal logged in one line, before they are used
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // immutable after start-up
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SuccessorSeal {

    static final String KEY_NAME = "refresh-successor-seal";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    @Inject
    SharedSecrets secrets;

    private SecretKey key;

    @PostConstruct
    void load() {
        String encoded = secrets.valueOf(KEY_NAME, () -> {
            byte[] fresh = new byte[KEY_BYTES];
            RANDOM.nextBytes(fresh);
            return ENCODER.encodeToString(fresh);
        });
        key = new SecretKeySpec(DECODER.decode(encoded), "AES");
    }

    public String seal(String successor, String retiredTokenHash) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, retiredTokenHash);
            byte[] sealed = cipher.doFinal(successor.getBytes(StandardCharsets.US_ASCII));
            return ENCODER.encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    public String open(String sealed, String retiredTokenHash) {
        try {
            byte[] bytes = DECODER.decode(sealed);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(bytes, IV_BYTES), retiredTokenHash);
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A sealed successor does not open: wrong key or tampered row", e);
        }
    }

    private Cipher cipher(int mode, byte[] iv, String retiredTokenHash) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(retiredTokenHash.getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }
}
