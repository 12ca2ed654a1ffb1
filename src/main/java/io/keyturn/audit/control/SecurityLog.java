package io.keyturn.audit.control;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The security log: one line per security event on the logger {@code keyturn.security}, as key=value pairs an
 * operator can grep or ship. It names users, sessions and client addresses; never a password or a token.
 */
public final class SecurityLog {

    private static final Logger LOG = Logger.getLogger("keyturn.security");

    private SecurityLog() {
    }

    public static void event(String event, String outcome, String userId, String sessionId, String client) {
        LOG.log(Level.INFO, "event={0} outcome={1} user={2} session={3} client={4}",
                new Object[] {event, outcome, orDash(userId), orDash(sessionId), orDash(client)});
    }

    /** Something an attacker may be doing: the same line, at WARNING so it stands out. */
    public static void alert(String event, String outcome, String userId, String sessionId, String client) {
        LOG.log(Level.WARNING, "event={0} outcome={1} user={2} session={3} client={4}",
                new Object[] {event, outcome, orDash(userId), orDash(sessionId), orDash(client)});
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
