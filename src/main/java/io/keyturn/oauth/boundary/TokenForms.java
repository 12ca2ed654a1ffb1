package io.keyturn.oauth.boundary;

import io.keyturn.json.RequestBodies;
import io.keyturn.json.RequestBodyLimit;
import io.keyturn.oauth.entity.FormParameters;
import io.keyturn.oauth.entity.OAuthError;
import io.keyturn.oauth.entity.OAuthException;
import io.keyturn.problems.entity.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The body of a request to the token, revocation or introspection endpoint: {@code application/x-www-form-urlencoded}
 * only (RFC 6749 §3.2), read as text within the request size limit and parsed by {@link FormParameters}. Anything
 * else is {@code invalid_request} in OAuth's error shape, not a 415 problem detail: OAuth clients parse that shape.
 */
@ApplicationScoped
public class TokenForms {

    @Inject
    RequestBodyLimit bodyLimit;

    public FormParameters read(HttpServletRequest request, InputStream body) throws IOException {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.split(";", 2)[0].strip()
                .equalsIgnoreCase(MediaType.APPLICATION_FORM_URLENCODED)) {
            throw new OAuthException(OAuthError.INVALID_REQUEST,
                    "Send the parameters as application/x-www-form-urlencoded");
        }
        try {
            return FormParameters.parse(RequestBodies.read(body, request.getContentLengthLong(),
                    StandardCharsets.UTF_8, bodyLimit.maxBodyBytes()));
        } catch (ProblemException tooLargeOrIncomplete) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, tooLargeOrIncomplete.problem().detail());
        }
    }
}
