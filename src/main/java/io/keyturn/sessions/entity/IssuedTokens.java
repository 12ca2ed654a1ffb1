package io.keyturn.sessions.entity;

import io.keyturn.tokens.entity.AccessToken;

/** What a sign-in or a refresh hands to the client: the session's new refresh token and an access token for it. */
public record IssuedTokens(IssuedRefreshToken refresh, AccessToken access) {
}
