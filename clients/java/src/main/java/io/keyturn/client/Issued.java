package io.keyturn.client;

import java.time.Duration;
import java.util.Objects;

/**
 * What one answer of Keyturn's token endpoints hands out.
 *
 * @param accessToken  the JWT to send as {@code Authorization: Bearer}
 * @param lifetime     how long the server says it lives ({@code expiresIn} / {@code expires_in})
 * @param refreshToken the rotated refresh token, or {@code null} when the grant gives none (client credentials)
 */
public record Issued(String accessToken, Duration lifetime, String refreshToken) {

    public Issued {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(lifetime, "lifetime");
    }

    /** Never prints the tokens, so an {@code Issued} in a log or an assertion message leaks nothing. */
    @Override
    public String toString() {
        return "Issued[lifetime=" + lifetime + ", refreshToken=" + (refreshToken == null ? "none" : "present") + "]";
    }
}
