package io.keyturn.oauth.entity;

import java.util.Set;

/**
 * The client behind an OAuth request: a confidential client proved its secret; a public client only named itself
 * (registered as public, or not registered at all), so its id is a claim, not a proof.
 */
public record AuthenticatedClient(String clientId, boolean confidential, Set<String> roles) {

    public static AuthenticatedClient publicClient(String clientId) {
        return new AuthenticatedClient(clientId, false, Set.of());
    }
}
