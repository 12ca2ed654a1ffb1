package io.keyturn.sessions.control;

import io.keyturn.configuration.Settings;
import io.keyturn.sessions.entity.ClientInfo;
import io.keyturn.sessions.entity.Session;
import io.keyturn.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/** Opens sessions: one per login, bounded by the absolute session lifetime. */
@ApplicationScoped
public class Sessions {

    @Inject
    SessionRepository sessions;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @Transactional
    public Session open(User user, ClientInfo client) {
        Instant now = clock.instant();
        Session session = new Session(user.id(), client, now, now.plus(settings.sessionAbsoluteTtl()));
        sessions.add(session);
        return session;
    }
}
