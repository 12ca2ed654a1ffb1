package io.keyturn.sessions.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which client may refresh (or revoke) which session: contract v2, "a session remembers the client_id". */
class RequestingClientTest {

    private static final RequestingClient SPA = new RequestingClient("spa", false);
    private static final RequestingClient SERVICE = new RequestingClient("svc", true);

    @Test
    void aSessionOpenedWithAClientIsItsClientsOnly() {
        assertTrue(SPA.mayUse("spa"));
        assertFalse(new RequestingClient("other", false).mayUse("spa"));
        assertFalse(RequestingClient.FIRST_PARTY.mayUse("spa"), "not /api/auth/refresh either");
        assertTrue(SERVICE.mayUse("svc"));
    }

    @Test
    void aFirstPartySessionIsAnyPublicClientsButNoConfidentialOnes() {
        assertTrue(RequestingClient.FIRST_PARTY.mayUse(null));
        assertTrue(SPA.mayUse(null));
        assertFalse(SERVICE.mayUse(null));
    }
}
