package io.keyturn.oauth.entity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a secret rotation: shown once; the old secret already stopped working. */
@Schema(name = "NewClientSecret", requiredProperties = {"clientId", "clientSecret"})
public record NewClientSecret(String clientId, String clientSecret) {

    @Override
    public String toString() {
        return "NewClientSecret[" + clientId + "]"; // never the secret
    }
}
