package io.keyturn.oauth.boundary;

import io.keyturn.oauth.entity.OAuthError;
import io.keyturn.oauth.entity.OAuthException;
import jakarta.json.Json;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * An OAuth endpoint's refusal as RFC 6749 §5.2 says: {@code {"error", "error_description"}} as application/json,
 * never cached; 401 {@code invalid_client} with {@code WWW-Authenticate: Basic realm="keyturn"} (§5.2: the client may
 * retry with Basic); a throttled request keeps its Retry-After.
 */
@Provider
public class TokenErrorMapper implements ExceptionMapper<OAuthException> {

    static final String BASIC_CHALLENGE = "Basic realm=\"keyturn\"";

    @Override
    public Response toResponse(OAuthException refused) {
        Response.ResponseBuilder response = Response.status(refused.error().status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .entity(Json.createObjectBuilder().add("error", refused.error().code())
                        .add("error_description", refused.description()).build().toString());
        if (refused.error() == OAuthError.INVALID_CLIENT) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE);
        }
        refused.headers().forEach(response::header);
        return response.build();
    }
}
