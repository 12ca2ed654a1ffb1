package io.keyturn.sessions.control;

import io.keyturn.callers.entity.ClientInfo;
import io.keyturn.database.RetriedOnConflict;
import io.keyturn.sessions.entity.RevokeReason;
import io.keyturn.users.control.SelfService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** Ending one's own sessions: this one (by its refresh token), or all of them. */
@ApplicationScoped
@RetriedOnConflict
public class SignOut {

    @Inject
    Sessions sessions;

    @Inject
    SelfService selfService;

    @Inject
    Clock clock;

    /** Idempotent: an unknown or already revoked token ends nothing and is no error. */
    public void logout(String refreshToken, ClientInfo client) {
        sessions.logout(refreshToken, client);
    }

    /**
     * Every session of the caller; in strict mode their access tokens too. A disabled account changes nothing
     * (403 {@code account_disabled}).
     */
    @Transactional
    public void everywhere(String userId, String clientAddress) {
        selfService.accountToChange(userId, "logout_all", clientAddress).revokeAccessTokens(clock.instant());
        sessions.revokeAllOf(userId, RevokeReason.LOGOUT_ALL, userId, clientAddress);
    }
}
