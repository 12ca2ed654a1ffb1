package io.keyturn.sessions.entity;

import io.keyturn.users.entity.UserView;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to register, login and refresh. {@code refreshToken} is present in body mode only. */
@Schema(name = "TokenResponse", requiredProperties = {"accessToken", "tokenType", "expiresIn", "sessionId", "user"})
@JsonbPropertyOrder({"accessToken", "tokenType", "expiresIn", "sessionId", "user", "refreshToken"})
public record TokenResponse(String accessToken, String tokenType,
        @Schema(type = SchemaType.INTEGER, format = "int64", description = "seconds until the access token expires")
        long expiresIn,
        String sessionId, UserView user,
        @Schema(description = "Only with the request header X-Token-Mode: body") String refreshToken) {

    @Override
    public String toString() {
        return "TokenResponse[sessionId=" + sessionId + "]"; // never the tokens
    }
}
