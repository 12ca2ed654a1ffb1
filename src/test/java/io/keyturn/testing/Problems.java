package io.keyturn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;

/** Assertions on RFC 9457 problem answers. */
public final class Problems {

    private Problems() {
    }

    /** Asserts status, media type, the problem's fields and its code; returns the problem for further checks. */
    public static JsonObject assertProblem(Http.Reply reply, int status, String code) {
        assertEquals(status, reply.status(), () -> "status of " + reply);
        assertNotNull(reply.contentType(), "Content-Type");
        assertTrue(reply.contentType().startsWith("application/problem+json"), () -> "media type of " + reply);
        JsonObject problem = reply.json();
        assertEquals(status, problem.getInt("status"), "status field");
        assertEquals(code, problem.getString("code"), () -> "code of " + reply);
        assertTrue(problem.getString("type").endsWith(code), "type names the code");
        assertTrue(problem.containsKey("title") && problem.containsKey("detail"), "title and detail");
        assertTrue(!reply.body().contains("Exception") && !reply.body().contains("\tat "), "no stack trace");
        return problem;
    }
}
