package io.keyturn.sessions.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of refresh and logout in body mode. */
@Schema(name = "RefreshRequest")
public class RefreshRequest {

    @Schema(description = "The refresh token from the last token response (body mode)")
    public String refreshToken;

    @Override
    public String toString() {
        return "RefreshRequest[...]"; // never the token
    }
}
