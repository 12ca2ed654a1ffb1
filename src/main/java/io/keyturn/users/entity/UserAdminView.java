package io.keyturn.users.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A user as an administrator sees it. */
@Schema(name = "UserAdmin", requiredProperties = {"id", "username", "email", "roles", "enabled", "createdAt"})
@JsonbPropertyOrder({"id", "username", "email", "roles", "enabled", "createdAt"})
public record UserAdminView(String id, String username, String email, Set<String> roles, boolean enabled,
        @Schema(type = SchemaType.STRING, format = "date-time") Instant createdAt) {

    public static UserAdminView of(User user) {
        return new UserAdminView(user.id(), user.username(), user.email(), user.roles(), user.enabled(),
                user.createdAt());
    }
}
