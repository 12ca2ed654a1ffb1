package io.keyturn.oauth.boundary;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A client an administrator registers. */
@Schema(name = "NewClientRequest")
public class NewClientRequest {

    @NotNull(message = "is required")
    @Schema(description = "1 to 64 characters from A-Z, a-z, 0-9, '.', '_' and '-'; case counts",
            example = "orders-api", required = true)
    public String clientId;

    @Schema(description = "true: a service that authenticates with a secret (client_secret_basic or "
            + "client_secret_post); false: a public client (browser, native app), which sends only its client_id. "
            + "Default false")
    public Boolean confidential;

    @Schema(description = "Roles carried as groups by its client-credentials access tokens (confidential clients "
            + "only); not \"user\" nor \"admin\", which are for people, e.g. [\"service\"]",
            type = SchemaType.ARRAY, implementation = String.class)
    public List<String> roles;

    @Override
    public String toString() {
        return "NewClientRequest[clientId=" + clientId + ", confidential=" + confidential + ", roles=" + roles + "]";
    }
}
