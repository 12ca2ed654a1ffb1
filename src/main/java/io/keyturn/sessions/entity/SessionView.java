package io.keyturn.sessions.entity;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Session", description = "One device's login",
        requiredProperties = {"id", "createdAt", "lastUsedAt", "expiresAt", "current"})
public record SessionView(String id, @Schema(type = SchemaType.STRING, format = "date-time") Instant createdAt,
        @Schema(type = SchemaType.STRING, format = "date-time") Instant lastUsedAt,
        @Schema(type = SchemaType.STRING, format = "date-time", description = "when the session ends unless it is "
                + "used again: its refresh token's idle end, or the session's absolute end if sooner")
        Instant expiresAt, String userAgent,
        String ipAddress, @Schema(description = "true for the session of the access token making this request")
        boolean current) {

    /** {@code expiresAt}: when the session ends unless it is used, its live refresh token's end. */
    public static SessionView of(Session session, String currentSessionId, RefreshPolicy policy) {
        return new SessionView(session.id(), session.createdAt(), session.lastUsedAt(),
                policy.tokenExpiresAt(session.lastUsedAt(), session.expiresAt()), session.userAgent(),
                session.ipAddress(), session.id().equals(currentSessionId));
    }
}
