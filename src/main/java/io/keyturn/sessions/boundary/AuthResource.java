package io.keyturn.sessions.boundary;

import io.keyturn.audit.control.SecurityLog;
import io.keyturn.callers.control.ClientAddresses;
import io.keyturn.json.RequestBodies;
import io.keyturn.json.RequestBodyLimit;
import io.keyturn.problems.entity.InvalidFieldsException;
import io.keyturn.problems.entity.Problem;
import io.keyturn.problems.entity.ProblemException;
import io.keyturn.problems.entity.ProblemType;
import io.keyturn.sessions.control.SignIn;
import io.keyturn.sessions.control.SignOut;
import io.keyturn.sessions.entity.TokenResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Login and the refresh-token endpoints under {@code /api/auth}. Application-scoped like every public endpoint: it
 * holds no state of its own, and a request-scoped resource cost Weld and Jersey about 7 % of a refresh.
 */
@Path("auth")
@ApplicationScoped
@Tag(name = "auth")
public class AuthResource {

    @Inject
    TokenDelivery delivery;

    @Inject
    SignIn signIn;

    @Inject
    SignOut signOut;

    @Inject
    HttpServletRequest request;

    @Inject
    ClientAddresses clients;

    @Inject
    RequestBodyLimit bodyLimit;

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "415", description = "unsupported_media_type: the body must be application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log in with username (or email) and password; opens a session")
    // in a container: Payara leaves a single @Parameter on a method out of the document
    @Parameters(@Parameter(ref = "TokenMode", name = TokenDelivery.MODE_HEADER, in = ParameterIn.HEADER))
    @APIResponse(responseCode = "200", description = "Logged in",
            headers = @Header(name = HttpHeaders.SET_COOKIE, ref = HttpHeaders.SET_COOKIE),
            content = @Content(schema = @Schema(ref = "TokenResponse")))
    @APIResponse(responseCode = "400", description = "Invalid fields or malformed JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "401", description = "invalid_credentials: unknown user or wrong password, alike",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "429", description = "too_many_attempts: failed logins of this account or address "
            + "are throttled; Retry-After says when to try again",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "403", description = "account_disabled (only after a correct password)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response login(@Valid @NotNull(message = "a JSON body is required") LoginRequest body) {
        return delivery.deliver(signIn.login(body.username, body.password, clients.of(request)), Response.ok(),
                delivery.bodyModeRequested());
    }

    @POST
    @Path("refresh")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Trade the refresh token for a new one and a fresh access token (rotation)",
            description = "Cookie mode: the refresh_token cookie plus the header X-Requested-With: keyturn. Body mode: "
                    + "the header X-Token-Mode: body and {\"refreshToken\": \"...\"}. A retry within the grace window "
                    + "gets the same successor; a replay after it revokes the session.")
    @Parameter(ref = "TokenMode", name = TokenDelivery.MODE_HEADER, in = ParameterIn.HEADER)
    @Parameter(ref = "CsrfHeader", name = PresentedRefreshToken.CSRF_HEADER, in = ParameterIn.HEADER)
    @Parameter(ref = "RefreshTokenCookie", name = TokenDelivery.COOKIE, in = ParameterIn.COOKIE)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "RefreshRequest")))
    @APIResponse(responseCode = "200", description = "Rotated",
            headers = @Header(name = HttpHeaders.SET_COOKIE, ref = HttpHeaders.SET_COOKIE),
            content = @Content(schema = @Schema(ref = "TokenResponse")))
    @APIResponse(responseCode = "400", description = "Body mode without refreshToken, or malformed JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "401", description = "refresh_token_invalid (unknown, expired, revoked) or "
            + "refresh_token_reused (the session was revoked because an old token came back); in cookie mode the "
            + "cookie is cleared",
            headers = @Header(name = HttpHeaders.SET_COOKIE, ref = HttpHeaders.SET_COOKIE),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "403", description = "csrf_header_missing or account_disabled",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response refresh(InputStream body) throws IOException {
        PresentedRefreshToken presented = presented(body);
        boolean bodyMode = presented.bodyMode(delivery.bodyModeRequested());
        if (presented.token().isEmpty()) {
            throw bodyMode ? tokenRequired() : clearingCookie(new ProblemException(ProblemType.REFRESH_TOKEN_INVALID));
        }
        try {
            return delivery.deliver(signIn.refresh(presented.token().get(), clients.of(request)), Response.ok(),
                    bodyMode);
        } catch (ProblemException refused) {
            throw bodyMode ? refused : clearingCookie(refused);
        }
    }

    @POST
    @Path("logout")
    @Operation(summary = "End the session of this refresh token; idempotent (204 for an unknown token too)")
    @Parameter(ref = "TokenMode", name = TokenDelivery.MODE_HEADER, in = ParameterIn.HEADER)
    @Parameter(ref = "CsrfHeader", name = PresentedRefreshToken.CSRF_HEADER, in = ParameterIn.HEADER)
    @Parameter(ref = "RefreshTokenCookie", name = TokenDelivery.COOKIE, in = ParameterIn.COOKIE)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "RefreshRequest")))
    @APIResponse(responseCode = "204", description = "Logged out; in cookie mode the cookie is cleared",
            headers = @Header(name = HttpHeaders.SET_COOKIE, ref = HttpHeaders.SET_COOKIE))
    @APIResponse(responseCode = "400", description = "malformed_json: a body that is not one JSON object, or repeats a "
            + "member name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "403", description = "csrf_header_missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response logout(InputStream body) throws IOException {
        PresentedRefreshToken presented = presented(body);
        presented.token().ifPresent(token -> signOut.logout(token, clients.of(request)));
        Response.ResponseBuilder response = Response.noContent();
        if (!presented.bodyMode(delivery.bodyModeRequested())) {
            response.header(HttpHeaders.SET_COOKIE, delivery.clearedCookie());
        }
        return response.build();
    }

    /** Reads the token and, in cookie mode, insists on the CSRF header first. */
    private PresentedRefreshToken presented(InputStream body) throws IOException {
        String rawBody = RequestBodies.read(body, request.getContentLengthLong(), StandardCharsets.UTF_8,
                bodyLimit.maxBodyBytes());
        PresentedRefreshToken presented = PresentedRefreshToken.of(request, rawBody);
        if (!presented.bodyMode(delivery.bodyModeRequested()) && !PresentedRefreshToken.csrfHeaderPresent(request)) {
            SecurityLog.alert("csrf_header_missing", "refused", null, null, clients.addressOf(request));
            throw PresentedRefreshToken.csrfHeaderMissing();
        }
        return presented;
    }

    private ProblemException clearingCookie(ProblemException refused) {
        return refused.withHeader(HttpHeaders.SET_COOKIE, delivery.clearedCookie());
    }

    private static ProblemException tokenRequired() {
        return new InvalidFieldsException(new Problem.FieldError("refreshToken", "is required in body mode"));
    }
}
