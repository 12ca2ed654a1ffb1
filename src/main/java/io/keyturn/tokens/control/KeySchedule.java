package io.keyturn.tokens.control;

import io.keyturn.tokens.entity.SigningKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When a generated key is rotated, when it starts to sign, and how long it keeps verifying. A new key is published
 * (in the JWKS) for {@code publish} before it signs, because verifiers cache the JWKS, and for at least two reload
 * intervals, because Keyturn's other instances learn of it only at their next reload; a retired key verifies until
 * every token it may have signed is refused as expired anyway ({@code tokenAcceptedFor}: the access-token lifetime
 * and the validator's clock skew), allowing for instances that notice its successor one reload late. Keys are given
 * newest (highest sequence number) first.
 */
record KeySchedule(Duration maxAge, Duration publish, Duration reload, Duration tokenAcceptedFor) {

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
     * How long a new key is published before it signs: {@code publish}, but never less than two reload intervals.
     * With less, the instance that stored the key signed with it at once while another instance, until its own
     * reload, refused those tokens as signed by an unknown key (and logged each as a suspect token). Every instance
     * reloads once per interval; the second interval covers a reload that runs late.
     */
    Duration untilSigning() {
        Duration twoReloads = reload.multipliedBy(2);
        return publish.compareTo(twoReloads) >= 0 ? publish : twoReloads;
    }

    /**
     * The newest key published long enough ({@link #untilSigning}); failing that the oldest. On a first start that
     * is the only key, which cannot be in anybody's cached JWKS yet; in a young deployment whose successor key another
     * instance stored early, it is the key verifiers have had longest, while the successor may not be in their cached
     * JWKS yet. (The one case this gets wrong: {@code key-publish-seconds} raised within that many seconds after a
     * rotation makes the retired key sign again until its successor is old enough; docs/keys.md says to raise it
     * between rotations.)
     */
    int signer(List<SigningKey> keys, Instant now) {
        for (int i = 0; i < keys.size(); i++) {
            if (!keys.get(i).createdAt().plus(untilSigning()).isAfter(now)) {
                return i;
            }
        }
        return keys.size() - 1;
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
        Instant lastSignatureByPredecessor = successor.createdAt().plus(untilSigning()).plus(reload);
        return lastSignatureByPredecessor.plus(tokenAcceptedFor).isAfter(now);
    }
}
