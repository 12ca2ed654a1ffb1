package io.keyturn.oauth.entity;

/** The answer to a secret rotation: shown once; the old secret already stopped working. */
public record NewClientSecret(String clientId, String clientSecret) {

    @Override
    public String toString() {
        return "NewClientSecret[" + clientId + "]"; // never the secret
    }
}
