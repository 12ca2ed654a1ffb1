package io.keyturn.users.entity;

import java.util.Set;

/** The role names used in {@code @RolesAllowed} and in the access token's {@code groups} claim. */
public final class Role {

    public static final String USER = "user";
    public static final String ADMIN = "admin";

    /** Every role there is; an administrator can grant these and no others. */
    public static final Set<String> KNOWN = Set.of(USER, ADMIN);
    public static final String KNOWN_NAMES = "\"user\", \"admin\"";

    private Role() {
    }
}
