package io.keyturn.sessions.boundary;

import io.keyturn.users.control.PasswordRules;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A class with public fields, not a record: Payara's OpenAPI scanner fails on constrained record components. */
@Schema(name = "LoginRequest")
public class LoginRequest {

    @Schema(description = "The username or the email address", example = "alice", required = true)
    @NotBlank(message = "is required")
    @Size(max = 254, message = "must be at most 254 characters")
    public String username;

    @Schema(required = true)
    @NotNull(message = "is required")
    @Size(max = PasswordRules.MAX_LENGTH, message = "must be at most " + PasswordRules.MAX_LENGTH + " characters")
    public String password;

    @Override
    public String toString() {
        return "LoginRequest[username=" + username + "]";
    }
}
