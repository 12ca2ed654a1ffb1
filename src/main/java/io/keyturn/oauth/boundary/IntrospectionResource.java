package io.keyturn.oauth.boundary;

import io.keyturn.callers.control.ClientAddresses;
import io.keyturn.oauth.control.ClientAuthentication;
import io.keyturn.oauth.control.TokenIntrospection;
import io.keyturn.oauth.entity.FormParameters;
import io.keyturn.oauth.entity.Introspection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
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
import java.util.List;
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

/** OAuth 2.0 token introspection (RFC 7662), for confidential clients (resource servers). */
@Path("oauth2/introspect")
@ApplicationScoped
@Tag(name = "oauth2")
public class IntrospectionResource {

    @Inject
    TokenForms forms;

    @Inject
    ClientAuthentication authentication;

    @Inject
    TokenIntrospection introspection;

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
    @Operation(summary = "Introspect a token (RFC 7662): is it active right now, and whose is it",
            description = "Confidential clients only (client_secret_basic or client_secret_post). Checks the database: "
                    + "a token whose session was revoked (logout, disable, password change, reuse) is inactive at once. "
                    + "{\"active\": false} says nothing about why.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(ref = "OAuthIntrospectionRequest")))
    @APIResponse(responseCode = "200", description = "{\"active\": false}, or active with its claims",
            content = @Content(schema = @Schema(ref = "OAuthIntrospection")))
    @APIResponse(responseCode = "400", description = "invalid_request",
            content = @Content(schema = @Schema(ref = "OAuthError")))
    @APIResponse(responseCode = "401", description = "invalid_client: not a confidential client, or its "
            + "authentication failed; WWW-Authenticate: Basic",
            headers = @Header(name = "WWW-Authenticate", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(ref = "OAuthError")))
    @APIResponse(responseCode = "429", description = "too_many_attempts (failed client authentications); "
            + "Retry-After says when to try again",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(schema = @Schema(ref = "OAuthError")))
    public Response introspect(InputStream body) throws IOException {
        FormParameters form = forms.read(request, body);
        authentication.authenticateConfidential(request.getHeader(HttpHeaders.AUTHORIZATION), form,
                clients.addressOf(request));
        String token = form.required("token");
        JsonObject answer = introspection.introspect(token).map(IntrospectionResource::active)
                .orElseGet(() -> Json.createObjectBuilder().add("active", false).build());
        return Response.ok(answer.toString(), MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache").build();
    }

    private static JsonObject active(Introspection token) {
        JsonObjectBuilder answer = Json.createObjectBuilder().add("active", true)
                .add("token_type", token.tokenType())
                .add("sub", token.subject())
                .add("username", token.username());
        if (token.clientId() != null) {
            answer.add("client_id", token.clientId());
        }
        answer.add("iss", token.issuer()).add("aud", token.audience()).add("exp", token.expiresAt())
                .add("iat", token.issuedAt());
        if (token.sessionId() != null) {
            answer.add("sid", token.sessionId());
        }
        return answer.add("groups", Json.createArrayBuilder(token.groups())).build();
    }

    /** The form fields, for the OpenAPI document only. */
    @Schema(name = "OAuthIntrospectionRequest")
    public static class IntrospectionForm {
        @Schema(required = true)
        public String token;
        @Schema(enumeration = {"access_token", "refresh_token"})
        public String token_type_hint;
        public String client_id;
        public String client_secret;
    }

    /** The answer, for the OpenAPI document only. */
    @Schema(name = "OAuthIntrospection", description = "RFC 7662 §2.2; only active when the token is inactive")
    public static class IntrospectionAnswer {
        @Schema(required = true)
        public boolean active;
        @Schema(enumeration = {"access_token", "refresh_token"})
        public String token_type;
        public String sub;
        public String username;
        @Schema(description = "the client that opened the session, or the client of a client_credentials token")
        public String client_id;
        public String iss;
        public String aud;
        @Schema(format = "int64", description = "seconds since the epoch")
        public long exp;
        @Schema(format = "int64", description = "seconds since the epoch")
        public long iat;
        @Schema(description = "absent for a client_credentials token")
        public String sid;
        public List<String> groups;
    }
}
