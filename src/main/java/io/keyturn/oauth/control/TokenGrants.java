package io.keyturn.oauth.control;

import io.keyturn.audit.control.SecurityLog;
import io.keyturn.callers.entity.ClientInfo;
import io.keyturn.oauth.entity.AuthenticatedClient;
import io.keyturn.oauth.entity.GrantedTokens;
import io.keyturn.oauth.entity.OAuthError;
import io.keyturn.oauth.entity.OAuthException;
import io.keyturn.oauth.entity.TokenRequest;
import io.keyturn.problems.entity.ProblemException;
import io.keyturn.sessions.control.SignIn;
import io.keyturn.sessions.entity.IssuedTokens;
import io.keyturn.sessions.entity.RequestingClient;
import io.keyturn.tokens.control.AccessTokenIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Carries out a token request's grant for an authenticated client. Not transactional itself: the refresh commits its
 * own rejections (a detected reuse stays revoked, see RefreshTokenRotation), and the password grant's Argon2 check
 * must run outside any transaction, as a login's does.
 */
@ApplicationScoped
public class TokenGrants {

    @Inject
    SignIn signIn;

    @Inject
    AccessTokenIssuer accessTokens;

    public GrantedTokens grant(TokenRequest request, AuthenticatedClient client, ClientInfo caller) {
        try {
            if (request instanceof TokenRequest.RefreshTokenGrant refresh) {
                // exactly /api/auth/refresh's rotation, bound to the client that opened the session
                return of(signIn.refresh(refresh.refreshToken(), caller,
                        new RequestingClient(client.clientId(), client.confidential())));
            }
            if (request instanceof TokenRequest.PasswordGrant password) {
                return of(signIn.login(password.username(), password.password(), caller, client.clientId()));
            }
            return clientCredentials(client, caller);
        } catch (ProblemException refused) {
            throw OAuthRefusals.asOAuth(refused);
        }
    }

    private GrantedTokens clientCredentials(AuthenticatedClient client, ClientInfo caller) {
        if (!client.confidential()) {
            throw new OAuthException(OAuthError.UNAUTHORIZED_CLIENT,
                    "Only a confidential client may use client_credentials");
        }
        SecurityLog.event("client_credentials", "token_issued client_id=" + client.clientId(), null, null,
                caller.ipAddress());
        return new GrantedTokens(accessTokens.issueForClient(client.clientId(), client.roles()), null);
    }

    private static GrantedTokens of(IssuedTokens issued) {
        return new GrantedTokens(issued.access(), issued.refresh().token());
    }
}
