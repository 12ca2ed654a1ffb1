package io.keyturn.oauth.boundary;

import io.keyturn.callers.control.ClientAddresses;
import io.keyturn.oauth.control.ClientAuthentication;
import io.keyturn.oauth.control.TokenRevocation;
import io.keyturn.oauth.entity.AuthenticatedClient;
import io.keyturn.oauth.entity.FormParameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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

/** OAuth 2.0 token revocation (RFC 7009). */
@Path("oauth2/revoke")
@ApplicationScoped
@Tag(name = "oauth2")
public class RevocationResource {

    @Inject
    TokenForms forms;

    @Inject
    ClientAuthentication authentication;

    @Inject
    TokenRevocation revocation;

    @Inject
    ClientAddresses clients;

    @Inject
    HttpServletRequest request;

    // Basic, or the credentials in the form (client_secret_post) or only a public client's client_id, which
    // OpenAPI cannot name: the empty set says no header is needed for those
    @SecurityRequirementsSet(@SecurityRequirement(name = "client"))
    @SecurityRequirementsSet
    @POST // no @Produces: the answer has no body (errors name their own type), so any Accept is served
    @Operation(operationId = "revokeToken",
            summary = "Revoke a token (RFC 7009): a refresh token or an access token ends its session",
            description = "application/x-www-form-urlencoded: token, optional token_type_hint (access_token or "
                    + "refresh_token; not needed). Public clients send client_id, confidential clients authenticate. "
                    + "200 also for unknown, expired, already revoked or another client's tokens. A "
                    + "client_credentials token has no session and stays valid until it expires.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(ref = "OAuthRevocationRequest")))
    @APIResponse(responseCode = "200", description = "Revoked, or nothing to revoke")
    @APIResponse(responseCode = "400", description = "invalid_request (no token, not form-encoded, duplicated "
            + "parameters)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OAuthError")))
    @APIResponse(responseCode = "401", description = "invalid_client, with WWW-Authenticate: Basic",
            headers = @Header(name = "WWW-Authenticate", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OAuthError")))
    @APIResponse(responseCode = "429", description = "too_many_attempts (failed client authentications); "
            + "Retry-After says when to try again",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OAuthError")))
    public Response revoke(InputStream body) throws IOException {
        FormParameters form = forms.read(request, body);
        String token = form.required("token");
        String address = clients.addressOf(request);
        AuthenticatedClient client = authentication.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION), form,
                address);
        revocation.revoke(token, client, address);
        return Response.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache").build();
    }

    /** The form fields, for the OpenAPI document only. */
    @Schema(name = "OAuthRevocationRequest")
    public static class RevocationForm {
        @Schema(required = true)
        public String token;
        @Schema(enumeration = {"access_token", "refresh_token"})
        public String token_type_hint;
        public String client_id;
        public String client_secret;
    }
}
