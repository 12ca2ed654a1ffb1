package io.keyturn.users.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A user an administrator creates: the fields of a registration, plus the roles (default {@code ["user"]}). */
@Schema(name = "NewUserRequest")
public class NewUserRequest extends RegistrationRequest {

    @Schema(description = "Roles to grant, each \"user\" or \"admin\"; [\"user\"] when absent",
            type = SchemaType.ARRAY, implementation = String.class)
    public List<String> roles;

    @Override
    public String toString() {
        return "NewUserRequest[username=" + username + ", roles=" + roles + "]";
    }
}
