package io.keyturn.client;

/**
 * Told once, on the thread whose renewal found it out, that a token source's session has ended, e.g. to show a
 * login screen or stop a worker. It must not call the token source back for a token (it would only get the same
 * exception).
 */
@FunctionalInterface
public interface SessionEndedListener {

    void sessionEnded(SessionEndedException reason);
}
