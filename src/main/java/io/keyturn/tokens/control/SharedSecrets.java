package io.keyturn.tokens.control;

import io.keyturn.tokens.entity.SecretKeyEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Named symmetric keys all instances share through the database (e.g. the key that seals grace successors): the first
 * instance to need one stores its candidate, the others read it. A bean of its own so that each store call goes
 * through {@link SecretKeyStore}'s transactions (a call within one bean would bypass them).
 */
@ApplicationScoped
public class SharedSecrets {

    @Inject
    SecretKeyStore store;

    @Inject
    Clock clock;

    public String valueOf(String name, Supplier<String> candidate) {
        return store.byName(name).map(SecretKeyEntry::keyValue).orElseGet(() -> FirstWriteWins.insertThenRead(
                "the secret key " + name, () -> store.add(new SecretKeyEntry(name, candidate.get(), clock.instant())),
                () -> store.byName(name).map(SecretKeyEntry::keyValue)));
    }
}
