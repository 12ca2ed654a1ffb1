package io.keyturn.users.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A user as the user sees it ({@code GET /api/me}, token responses). */
@Schema(name = "User", requiredProperties = {"id", "username", "email", "roles"})
@JsonbPropertyOrder({"id", "username", "email", "roles"})
public record UserView(String id, String username, String email, Set<String> roles) {

    public static UserView of(User user) {
        return new UserView(user.id(), user.username(), user.email(), user.roles());
    }
}
