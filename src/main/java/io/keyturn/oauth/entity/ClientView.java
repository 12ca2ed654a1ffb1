package io.keyturn.oauth.entity;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A registered client as administrators see it: never its secret (nor the secret's hash). */
@Schema(name = "Client", requiredProperties = {"clientId", "confidential", "roles", "createdAt"})
public record ClientView(String clientId, boolean confidential, List<String> roles,
        @Schema(type = SchemaType.STRING, format = "date-time") Instant createdAt) {

    public static ClientView of(Client client) {
        return new ClientView(client.clientId(), client.confidential(), client.roles().stream().sorted().toList(),
                client.createdAt());
    }
}
