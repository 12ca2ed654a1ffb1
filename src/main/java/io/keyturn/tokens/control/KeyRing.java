package io.keyturn.tokens.control;

import java.security.Key;
import java.util.ArrayList;
import java.util.List;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;

/**
 * The keys in force at one moment: the one that signs and all that verify (the signer among them), with the public
 * JWKS and the resolver derived from them once. Immutable, so a reload swaps the whole ring and a request never sees
 * a signing key from one load and a key set from another.
 */
public record KeyRing(SigningAlgorithm algorithm, JsonWebKey signer, List<JsonWebKey> verifying, String publicJwks,
        JwksVerificationKeyResolver resolver) {

    static KeyRing of(SigningAlgorithm algorithm, JsonWebKey signer, List<JsonWebKey> verifying) {
        List<JsonWebKey> all = new ArrayList<>(verifying);
        if (all.stream().noneMatch(k -> k.getKeyId().equals(signer.getKeyId()))) {
            all.add(0, signer);
        }
        JsonWebKeySet set = new JsonWebKeySet();
        all.stream().filter(PublicJsonWebKey.class::isInstance).forEach(set::addJsonWebKey);
        return new KeyRing(algorithm, signer, List.copyOf(all),
                set.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY), new JwksVerificationKeyResolver(all));
    }

    /** Same signer and same verifying keys: a reload that finds this keeps the ring it has. */
    boolean sameKeysAs(KeyRing other) {
        return signingKeyId().equals(other.signingKeyId())
                && verifying.stream().map(JsonWebKey::getKeyId).toList()
                        .equals(other.verifying.stream().map(JsonWebKey::getKeyId).toList());
    }

    public String signingKeyId() {
        return signer.getKeyId();
    }

    public Key signingKey() {
        return signer instanceof PublicJsonWebKey asymmetric ? asymmetric.getPrivateKey() : signer.getKey();
    }
}
