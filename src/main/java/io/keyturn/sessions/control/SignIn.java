package io.keyturn.sessions.control;

import io.keyturn.callers.entity.ClientInfo;
import io.keyturn.sessions.entity.IssuedRefreshToken;
import io.keyturn.sessions.entity.IssuedTokens;
import io.keyturn.sessions.entity.RequestingClient;
import io.keyturn.tokens.control.AccessTokenIssuer;
import io.keyturn.users.control.ThrottledCredentials;
import io.keyturn.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The ways a client gets tokens: a login (password checked under the throttle, then a new session), a fresh
 * registration (a new session for the new user), a refresh (rotation). Each ends with an access token for the
 * session; how the tokens travel (cookie or body) is the boundary's business.
 */
@ApplicationScoped
public class SignIn {

    @Inject
    ThrottledCredentials credentials;

    @Inject
    Sessions sessions;

    @Inject
    RefreshTokenRotation rotation;

    @Inject
    AccessTokenIssuer accessTokens;

    /** Not in a transaction: the password check must not hold a pooled connection (see Authenticator). */
    public IssuedTokens login(String login, String password, ClientInfo client) {
        User user = credentials.login(login, password, client.ipAddress());
        return withAccessToken(sessions.open(user, client));
    }

    /** A login through an OAuth client (the password grant): the session remembers the client's id. */
    public IssuedTokens login(String login, String password, ClientInfo client, String clientId) {
        User user = credentials.login(login, password, client.ipAddress());
        return withAccessToken(sessions.open(user, client, clientId));
    }

    /** A user just created by registration: joins the registration's transaction. */
    public IssuedTokens opened(User user, ClientInfo client) {
        return withAccessToken(sessions.open(user, client));
    }

    public IssuedTokens refresh(String presentedRefreshToken, ClientInfo client) {
        return withAccessToken(rotation.refresh(presentedRefreshToken, client));
    }

    /** A refresh at the OAuth token endpoint, bound to the client that opened the session. */
    public IssuedTokens refresh(String presentedRefreshToken, ClientInfo client, RequestingClient requester) {
        return withAccessToken(rotation.refresh(presentedRefreshToken, client, requester));
    }

    private IssuedTokens withAccessToken(IssuedRefreshToken issued) {
        User user = issued.user();
        return new IssuedTokens(issued, accessTokens.issue(user.id(), user.username(), user.email(), user.roles(),
                issued.sessionId(), issued.expiresAt()));
    }
}
