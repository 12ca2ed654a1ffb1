package io.keyturn.oauth.entity;

import io.keyturn.tokens.entity.AccessToken;

/** What a token request earned: an access token and, for a session's grants, the session's refresh token. */
public record GrantedTokens(AccessToken accessToken, String refreshToken) {

    @Override
    public String toString() {
        return "GrantedTokens[" + accessToken + ", refreshToken=" + (refreshToken != null) + "]"; // never a token
    }
}
