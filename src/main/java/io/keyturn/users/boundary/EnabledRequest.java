package io.keyturn.users.boundary;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EnabledRequest")
public class EnabledRequest {

    @Schema(example = "false", required = true)
    @NotNull(message = "is required (true or false)")
    public Boolean enabled;
}
