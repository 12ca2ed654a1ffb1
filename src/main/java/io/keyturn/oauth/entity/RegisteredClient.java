package io.keyturn.oauth.entity;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to a registration: the client and, for a confidential one, its secret. This response is the only
 * place the secret ever appears; {@code clientSecret} is null (left out of the JSON) for a public client.
 */
@Schema(name = "RegisteredClient", requiredProperties = {"clientId", "confidential", "roles", "createdAt"})
public record RegisteredClient(String clientId, boolean confidential, List<String> roles,
        @Schema(type = SchemaType.STRING, format = "date-time") Instant createdAt,
        @Schema(description = "a confidential client's secret, shown in this response only; absent for a public client")
        String clientSecret) {

    public static RegisteredClient of(Client client, String secret) {
        ClientView view = ClientView.of(client);
        return new RegisteredClient(view.clientId(), view.confidential(), view.roles(), view.createdAt(), secret);
    }

    @Override
    public String toString() {
        return "RegisteredClient[" + clientId + "]"; // never the secret
    }
}
