package io.keyturn.tokens.control;

import io.keyturn.tokens.entity.SigningKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When a generated key is rotated, when it starts to sign, and how long it keeps verifying. A new key is published
 * (in the JWKS) for {@code publish} before it signs, because verifiers cache the JWKS; a retired key verifies until
 * every token it may have signed has expired, allowing for instances that notice its successor one reload late.
 * Keys are given newest (highest sequence number) first.
 */
record KeySchedule(Duration maxAge, Duration publish, Duration reload, Duration tokenTtl) {

    KeySchedule {
        if (maxAge.compareTo(publish) <= 0) {
            throw new IllegalStateException("keyturn.signing.key-max-age-seconds (" + maxAge.toSeconds()
                    + ") must be longer than keyturn.signing.key-publish-seconds (" + publish.toSeconds() + ")");
        }
    }

    /** No key yet, or the newest has reached its maximum age: a successor is due. */
    boolean rotationDue(List<SigningKey> keys, Instant now) {
        return keys.isEmpty() || !keys.get(0).createdAt().plus(maxAge).isAfter(now);
    }

    /**
     * The newest key published long enough; failing that the newest key. On a first start that is the only key,
     * which cannot be in anybody's cached JWKS yet. With several keys none of which is old enough,
     * {@code key-publish-seconds} was raised since they were made: the newest is the likeliest to have signed under
     * the old setting, while the oldest may have been retired long ago and left every JWKS.
     */
    int signer(List<SigningKey> keys, Instant now) {
        for (int i = 0; i < keys.size(); i++) {
            if (!keys.get(i).createdAt().plus(publish).isAfter(now)) {
                return i;
            }
        }
        return 0;
    }

    /** The keys still waiting to sign, the signer, and the retired keys whose tokens may still be alive. */
    List<SigningKey> verifying(List<SigningKey> keys, Instant now) {
        int last = signer(keys, now);
        while (last + 1 < keys.size() && stillSignedRecently(keys.get(last), now)) {
            last++;
        }
        return keys.subList(0, last + 1);
    }

    /** Whether the predecessor of {@code successor} may have signed a token that has not yet expired. */
    private boolean stillSignedRecently(SigningKey successor, Instant now) {
        Instant lastSignatureByPredecessor = successor.createdAt().plus(publish).plus(reload);
        return lastSignatureByPredecessor.plus(tokenTtl).isAfter(now);
    }
}
