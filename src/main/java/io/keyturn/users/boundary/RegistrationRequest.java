package io.keyturn.users.boundary;

import io.keyturn.users.control.PasswordRules;
import io.keyturn.users.control.Registration;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A class with public fields, not a record: Payara's OpenAPI scanner fails on constrained record components. */
@Schema(name = "RegistrationRequest")
public class RegistrationRequest {

    @Schema(example = "alice", minLength = 3, maxLength = 64, pattern = Registration.USERNAME_PATTERN,
            required = true)
    // not @NotBlank: Payara's OpenAPI generator writes it as the pattern \S over the one below; the pattern
    // refuses a blank name anyway
    @NotNull(message = "is required")
    @Pattern(regexp = Registration.USERNAME_PATTERN, message = Registration.USERNAME_RULE)
    public String username;

    @Schema(example = "alice@example.com", maxLength = 254, required = true)
    @NotBlank(message = "is required")
    @Email(message = "must be an email address")
    @Size(max = 254, message = "must be at most 254 characters")
    public String email;

    @Schema(minLength = PasswordRules.MIN_LENGTH, maxLength = PasswordRules.MAX_LENGTH, required = true)
    @NotNull(message = "is required")
    @Size(min = PasswordRules.MIN_LENGTH, max = PasswordRules.MAX_LENGTH,
            message = "must be " + PasswordRules.MIN_LENGTH + " to " + PasswordRules.MAX_LENGTH + " characters")
    public String password;

    @Override
    public String toString() {
        return "RegistrationRequest[username=" + username + "]";
    }
}
