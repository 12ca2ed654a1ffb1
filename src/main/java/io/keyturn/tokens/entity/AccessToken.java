package io.keyturn.tokens.entity;

/** A signed access token and its lifetime in seconds (the token response's {@code expiresIn}). */
public record AccessToken(String compact, long expiresInSeconds) {

    @Override
    public String toString() {
        return "AccessToken[expiresIn=" + expiresInSeconds + "]"; // never the token itself
    }
}
