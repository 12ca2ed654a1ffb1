package io.keyturn.sessions.boundary;

import io.keyturn.sessions.control.Sessions;
import io.keyturn.sessions.entity.ClientInfo;
import io.keyturn.sessions.entity.Session;
import io.keyturn.sessions.entity.TokenResponse;
import io.keyturn.tokens.control.AccessTokenIssuer;
import io.keyturn.tokens.entity.AccessToken;
import io.keyturn.users.entity.User;
import io.keyturn.users.entity.UserView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Turns a successful login or registration into a session and the token response. */
@RequestScoped
public class TokenDelivery {

    @Inject
    Sessions sessions;

    @Inject
    AccessTokenIssuer issuer;

    @Inject
    HttpServletRequest request;

    public Response loggedIn(User user, Response.ResponseBuilder response) {
        Session session = sessions.open(user, ClientInfo.of(request));
        AccessToken access = issuer.issue(user.id(), user.username(), user.roles(), session.id());
        TokenResponse body = new TokenResponse(access.compact(), "Bearer", access.expiresInSeconds(), session.id(),
                UserView.of(user), null);
        return response.type(MediaType.APPLICATION_JSON).entity(body).cacheControl(noStore()).build();
    }

    static CacheControl noStore() {
        CacheControl cacheControl = new CacheControl();
        cacheControl.setNoStore(true);
        cacheControl.setNoTransform(false);
        return cacheControl;
    }
}
