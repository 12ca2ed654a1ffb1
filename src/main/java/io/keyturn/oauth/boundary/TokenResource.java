package io.keyturn.oauth.boundary;

import io.keyturn.callers.control.ClientAddresses;
import io.keyturn.callers.entity.ClientInfo;
import io.keyturn.oauth.control.ClientAuthentication;
import io.keyturn.oauth.control.TokenGrants;
import io.keyturn.oauth.entity.AuthenticatedClient;
import io.keyturn.oauth.entity.FormParameters;
import io.keyturn.oauth.entity.GrantedTokens;
import io.keyturn.oauth.control.PasswordGrant;
import io.keyturn.oauth.entity.TokenRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The OAuth 2.0 token endpoint (RFC 6749 §3.2, §4.3, §4.4, §5, §6). */
@Path("oauth2/token")
@ApplicationScoped
@Tag(name = "oauth2")
public class TokenResource {

    @Inject
    TokenForms forms;

    @Inject
    ClientAuthentication authentication;

    @Inject
    TokenGrants grants;

    @Inject
    PasswordGrant passwordGrant;

    @Inject
    ClientAddresses clients;

    @Inject
    HttpServletRequest request;

    // Basic, or the credentials in the form (client_secret_post) or only a public client's client_id, which
    // OpenAPI cannot name: the empty set says no header is needed for those
    @SecurityRequirementsSet(@SecurityRequirement(name = "client"))
    @SecurityRequirementsSet
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "OAuth 2.0 token endpoint: refresh_token, client_credentials, password (when switched on)",
            description = "application/x-www-form-urlencoded only. Clients authenticate with client_secret_basic or "
                    + "client_secret_post; a public client sends only client_id. refresh_token rotates exactly like "
                    + "/api/auth/refresh (grace window, reuse revokes the session) and is bound to the client that "
                    + "opened the session. Errors are RFC 6749 §5.2 JSON, not problem details.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(ref = "OAuthTokenRequest")))
    @APIResponse(responseCode = "200", description = "Tokens; Cache-Control: no-store, Pragma: no-cache",
            content = @Content(schema = @Schema(ref = "OAuthTokens")))
    @APIResponse(responseCode = "400", description = "invalid_request, invalid_grant (unknown, expired, revoked, "
            + "reused or another client's refresh token; disabled account; wrong password), unauthorized_client or "
            + "unsupported_grant_type", content = @Content(schema = @Schema(ref = "OAuthError")))
    @APIResponse(responseCode = "401", description = "invalid_client, with WWW-Authenticate: Basic",
            headers = @Header(name = "WWW-Authenticate", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(ref = "OAuthError")))
    @APIResponse(responseCode = "429", description = "too_many_attempts: failed client authentications or "
            + "passwords are throttled like logins; Retry-After says when to try again",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(schema = @Schema(ref = "OAuthError")))
    public Response token(InputStream body) throws IOException {
        FormParameters form = forms.read(request, body);
        TokenRequest grant = TokenRequest.of(form, passwordGrant.enabled());
        ClientInfo caller = clients.of(request);
        AuthenticatedClient client = authentication.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION), form,
                caller.ipAddress());
        GrantedTokens granted = grants.grant(grant, client, caller);
        JsonObjectBuilder answer = Json.createObjectBuilder()
                .add("access_token", granted.accessToken().compact())
                .add("token_type", "Bearer")
                .add("expires_in", granted.accessToken().expiresInSeconds());
        if (granted.refreshToken() != null) {
            answer.add("refresh_token", granted.refreshToken());
        }
        if (form.get("scope").isPresent()) {
            // Keyturn grants no OAuth scopes (a token's groups are its user's or client's roles); RFC 6749 §5.1 asks
            // for the granted scope when it differs from the requested one, else the client takes it as granted
            answer.add("scope", "");
        }
        return Response.ok(answer.build().toString(), MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache").build();
    }
}
