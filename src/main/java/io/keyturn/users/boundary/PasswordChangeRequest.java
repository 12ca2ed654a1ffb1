package io.keyturn.users.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PasswordChangeRequest")
public class PasswordChangeRequest {

    @NotNull(message = "is required")
    @Size(max = Passwords.MAX_LENGTH, message = "must be at most " + Passwords.MAX_LENGTH + " characters")
    public String currentPassword;

    @Schema(minLength = Passwords.MIN_LENGTH, maxLength = Passwords.MAX_LENGTH)
    @NotNull(message = "is required")
    @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH,
            message = "must be " + Passwords.MIN_LENGTH + " to " + Passwords.MAX_LENGTH + " characters")
    public String newPassword;

    @Override
    public String toString() {
        return "PasswordChangeRequest[...]";
    }
}
