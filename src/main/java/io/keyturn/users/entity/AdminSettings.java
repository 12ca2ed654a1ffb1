package io.keyturn.users.entity;

import java.util.Optional;

/**
 * The bootstrap administrator: created at start-up when both are set and no user of that name exists. Nothing is
 * checked here: the rules for new accounts apply when it is created, and breaking them is logged, not fatal. Read by
 * {@link io.keyturn.users.control.AdminSettingsProducer}.
 *
 * @param username {@value #USERNAME}; empty when unset
 * @param password {@value #PASSWORD}; empty when unset
 */
public record AdminSettings(Optional<String> username, Optional<String> password) {

    public static final String USERNAME = "keyturn.admin.username";
    public static final String PASSWORD = "keyturn.admin.password";

    public AdminSettings {
        username = username == null ? Optional.empty() : username;
        password = password == null ? Optional.empty() : password;
    }

    /** Without the password: a record's own toString would put it in any log that prints this. */
    @Override
    public String toString() {
        return "AdminSettings[username=" + username.orElse("none") + ", password="
                + (password.isPresent() ? "***" : "none") + "]";
    }
}
