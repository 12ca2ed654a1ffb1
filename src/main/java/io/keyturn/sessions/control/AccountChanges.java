package io.keyturn.sessions.control;

import io.keyturn.sessions.entity.RevokeReason;
import io.keyturn.users.entity.AccountDisabled;
import io.keyturn.users.entity.PasswordChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * What the users component's events mean for sessions. Synchronous observers: they run in the transaction that
 * fired the event, so the account change and the revocations commit or roll back together.
 */
@ApplicationScoped
public class AccountChanges {

    @Inject
    Sessions sessions;

    void disabled(@Observes AccountDisabled event) {
        sessions.revokeAllOf(event.userId(), RevokeReason.USER_DISABLED, null, event.clientAddress());
    }

    void passwordChanged(@Observes PasswordChanged event) {
        sessions.revokeOthersOf(event.userId(), event.keptSessionId(), RevokeReason.PASSWORD_CHANGED,
                event.clientAddress());
    }
}
