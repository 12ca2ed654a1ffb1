package io.keyturn.sessions.entity;

/**
 * Who asks to refresh a session: the first-party endpoint {@code /api/auth/refresh} ({@link #FIRST_PARTY}), or an
 * OAuth client at the token endpoint, public or authenticated (confidential). A session remembers the client that
 * opened it (contract v2): one opened with a {@code client_id} is refreshed only by that {@code client_id}; one opened
 * without (login, registration) by the first-party endpoint or any public client, never by a confidential client.
 */
public record RequestingClient(String clientId, boolean confidential) {

    public static final RequestingClient FIRST_PARTY = new RequestingClient(null, false);

    /** @param sessionClientId the {@code client_id} the session was opened with, or null */
    public boolean mayUse(String sessionClientId) {
        if (sessionClientId != null) {
            return sessionClientId.equals(clientId);
        }
        return !confidential;
    }
}
