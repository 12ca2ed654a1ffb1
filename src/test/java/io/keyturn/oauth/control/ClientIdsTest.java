package io.keyturn.oauth.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientIdsTest {

    @Test
    void aClientIdIsOneTo64SafeCharacters() {
        assertTrue(ClientIds.valid("orders-api"));
        assertTrue(ClientIds.valid("A.b_C-9"));
        assertTrue(ClientIds.valid("x".repeat(64)));
        assertFalse(ClientIds.valid("x".repeat(65)));
        assertFalse(ClientIds.valid(""));
        assertFalse(ClientIds.valid(null));
        assertFalse(ClientIds.valid("orders api"), "space");
        assertFalse(ClientIds.valid("orders:api"), "a colon would break Basic");
        assertFalse(ClientIds.valid("orders/api"), "a slash would break the admin path");
        assertFalse(ClientIds.valid("ordérs"), "non-ASCII");
        assertFalse(ClientIds.valid("orders\napi"), "a line break would forge a log line");
        assertFalse(ClientIds.valid("6f1c2b8e-0d2a-4c4e-9a51-3f2d7c1b9e00"), "a user id's form: sub would be ambiguous");
    }

    @Test
    void clientRolesAreLowerCaseNamesAndNeverKeyturnsOwnRolesForPeople() {
        assertNull(ClientIds.rolesProblem(Set.of()));
        assertNull(ClientIds.rolesProblem(Set.of("service", "orders:read", "reports.write")));
        assertNotNull(ClientIds.rolesProblem(Set.of("admin")));
        assertNotNull(ClientIds.rolesProblem(Set.of("user")));
        assertNotNull(ClientIds.rolesProblem(Set.of("Service")));
        assertNotNull(ClientIds.rolesProblem(Set.of("a,b")), "the roles column is comma-separated");
        assertNotNull(ClientIds.rolesProblem(Set.of("")));
    }
}
