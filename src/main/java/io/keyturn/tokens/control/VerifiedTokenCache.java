package io.keyturn.tokens.control;

import io.keyturn.tokens.entity.VerifiedClaims;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens this instance has already verified, so the calls a client makes with one token pay for its
 * signature check once (an RS256 verification costs about as much as the rest of a small request).
 * <p>
 * Safe because a hit needs the exact token string that passed full verification: any change to header, payload or
 * signature is another key and is verified from scratch. An entry is used only until the token's {@code exp} and
 * only with the key ring it was verified against, so a reload that changes the keys (a key retired or removed)
 * makes every token verify again. Only valid tokens get in, and the size is bounded: when full, expired entries
 * go, and if that is not enough, all of them.
 */
final class VerifiedTokenCache {

    private record Entry(VerifiedClaims claims, KeyRing ring) {
    }

    private final int capacity;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    VerifiedTokenCache(int capacity) {
        this.capacity = capacity;
    }

    /** The claims of a token verified with this ring that has not expired by {@code nowEpochSecond}, or null. */
    VerifiedClaims get(String token, KeyRing ring, long nowEpochSecond) {
        if (capacity == 0) {
            return null;
        }
        Entry entry = entries.get(token);
        if (entry == null) {
            return null;
        }
        if (entry.ring() != ring || entry.claims().expiresAtEpochSecond() <= nowEpochSecond) {
            entries.remove(token, entry);
            return null;
        }
        return entry.claims();
    }

    void put(String token, VerifiedClaims claims, KeyRing ring, long nowEpochSecond) {
        if (capacity == 0) {
            return;
        }
        if (entries.size() >= capacity) {
            entries.values().removeIf(e -> e.claims().expiresAtEpochSecond() <= nowEpochSecond);
            if (entries.size() >= capacity) {
                entries.clear();
            }
        }
        entries.put(token, new Entry(claims, ring));
    }

    int size() {
        return entries.size();
    }
}
