package io.keyturn.oauth.entity;

import java.time.Instant;
import java.util.List;

/** A registered client as administrators see it: never its secret (nor the secret's hash). */
public record ClientView(String clientId, boolean confidential, List<String> roles, Instant createdAt) {

    public static ClientView of(Client client) {
        return new ClientView(client.clientId(), client.confidential(), client.roles().stream().sorted().toList(),
                client.createdAt());
    }
}
