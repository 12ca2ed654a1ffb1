package io.keyturn.sessions.entity;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Session", description = "One device's login")
public record SessionView(String id, @Schema(type = SchemaType.STRING, format = "date-time") Instant createdAt,
        @Schema(type = SchemaType.STRING, format = "date-time") Instant lastUsedAt, @Schema(type = SchemaType.STRING, format = "date-time") Instant expiresAt, String userAgent,
        String ipAddress, @Schema(description = "true for the session of the access token making this request")
        boolean current) {

    public static SessionView of(Session session, String currentSessionId) {
        return new SessionView(session.id(), session.createdAt(), session.lastUsedAt(), session.expiresAt(),
                session.userAgent(), session.ipAddress(), session.id().equals(currentSessionId));
    }
}
