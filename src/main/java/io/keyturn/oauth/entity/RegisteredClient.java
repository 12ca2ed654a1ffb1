package io.keyturn.oauth.entity;

import java.time.Instant;
import java.util.List;

/**
 * The answer to a registration: the client and, for a confidential one, its secret. This response is the only
 * place the secret ever appears; {@code clientSecret} is null for a public client.
 */
public record RegisteredClient(String clientId, boolean confidential, List<String> roles, Instant createdAt,
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
