package io.keyturn.users.boundary;

import io.keyturn.users.control.PasswordRules;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PasswordChangeRequest")
public class PasswordChangeRequest {

    @Schema(required = true)
    @NotNull(message = "is required")
    @Size(max = PasswordRules.MAX_LENGTH, message = "must be at most " + PasswordRules.MAX_LENGTH + " characters")
    public String currentPassword;

    @Schema(minLength = PasswordRules.MIN_LENGTH, maxLength = PasswordRules.MAX_LENGTH, required = true)
    @NotNull(message = "is required")
    @Size(min = PasswordRules.MIN_LENGTH, max = PasswordRules.MAX_LENGTH,
            message = "must be " + PasswordRules.MIN_LENGTH + " to " + PasswordRules.MAX_LENGTH + " characters")
    public String newPassword;

    @Override
    public String toString() {
        return "PasswordChangeRequest[...]";
    }
}
