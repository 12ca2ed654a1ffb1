package io.keyturn.users.entity;

/** The role names used in {@code @RolesAllowed} and in the access token's {@code groups} claim. */
public final class Role {

    public static final String USER = "user";
    public static final String ADMIN = "admin";

    private Role() {
    }
}
