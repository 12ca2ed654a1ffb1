package io.keyturn.database;

import java.util.UUID;

/**
 * The ids Keyturn gives the rows it creates for accounts and sessions: random UUIDs in their canonical text form
 * ({@link UUID#toString}), so that an id says nothing about when or where it was made.
 */
public final class RowIds {

    private static final int CANONICAL_LENGTH = 36;

    private RowIds() {
    }

    public static String next() {
        return UUID.randomUUID().toString();
    }

    /**
     * Whether {@code id} has the form of every id {@link #next()} makes. Anything else names no row, also where the
     * database would take it for one: MySQL's collations ignore trailing spaces, and {@link UUID#fromString} accepts
     * forms such as {@code 1-1-1-1-1} that are not canonical.
     */
    public static boolean wellFormed(String id) {
        if (id == null || id.length() != CANONICAL_LENGTH) {
            return false;
        }
        try {
            return UUID.fromString(id).toString().equals(id);
        } catch (IllegalArgumentException notAUuid) {
            return false;
        }
    }
}
