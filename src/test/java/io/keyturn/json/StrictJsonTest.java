package io.keyturn.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyturn.problems.entity.ProblemException;
import io.keyturn.problems.entity.ProblemType;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    public static class Credentials {
        public String username;
        public String password;
        public List<String> roles;
    }

    public static class TokenHolder {
        public String refreshToken;
    }

    private static String refusedDetail(String body, Class<?> type) {
        String shown = body.length() > 100 ? body.substring(0, 100) + "..." : body;
        ProblemException refused = assertThrows(ProblemException.class, () -> StrictJson.read(body, type), shown);
        assertTrue(refused.is(ProblemType.MALFORMED_JSON), () -> shown + ": " + refused.problem());
        return refused.problem().detail();
    }

    /** JSON-P's getObject keeps the last value; a proxy keeping the first would see another account. */
    @Test
    void aRepeatedNameIsMalformedAndTheDetailNamesItButNotItsValues() {
        String detail = refusedDetail("{\"username\":\"v123\",\"username\":\"admin\",\"password\":\"s3cret-pw\"}",
                Credentials.class);
        assertTrue(detail.contains("\"username\""), detail);
        assertFalse(detail.contains("admin") || detail.contains("v123") || detail.contains("s3cret"), detail);
        String tokens = refusedDetail("{\"refreshToken\":\"carols-token\",\"refreshToken\":\"admins-token\"}",
                TokenHolder.class);
        assertTrue(tokens.contains("\"refreshToken\"") && !tokens.contains("-token"), tokens);
    }

    @Test
    void aRepeatIsFoundWhereverItIs() {
        // the same name twice, however the second is spelled or typed, and even in fields Keyturn ignores
        refusedDetail("{\"username\":\"a\",\"password\":\"p\",\"user\\u006eame\":\"admin\"}", Credentials.class);
        refusedDetail("{\"username\":\"a\",\"password\":\"p\",\"username\":null}", Credentials.class);
        refusedDetail("{\"roles\":[\"user\"],\"username\":\"a\",\"roles\":[\"admin\"]}", Credentials.class);
        refusedDetail("{\"unknown\":1,\"username\":\"a\",\"unknown\":2}", Credentials.class);
        assertTrue(refusedDetail("{\"username\":\"a\",\"profile\":{\"name\":\"x\",\"name\":\"y\"}}",
                Credentials.class).contains("\"name\""));
        refusedDetail("{\"username\":\"a\",\"extra\":[{\"k\":1},[{\"k\":1,\"k\":2}]]}", Credentials.class);
        refusedDetail("{\"a\":{\"b\":{\"c\":{\"d\":{},\"d\":[]}}}}", Credentials.class);
    }

    @Test
    void oneNameInSeveralObjectsIsNoRepeat() {
        Credentials read = StrictJson.read("{\"username\":\"alice\",\"password\":\"pw\",\"roles\":[\"user\",\"user\"],"
                + "\"profile\":{\"username\":\"other\",\"nested\":{\"username\":1}},"
                + "\"list\":[{\"password\":1},{\"password\":2}],\"Username\":\"case differs\"}", Credentials.class);
        assertEquals("alice", read.username);
        assertEquals("pw", read.password);
        assertEquals(List.of("user", "user"), read.roles);
    }

    @Test
    void aLongRepeatedNameIsShownShortened() {
        String name = "n".repeat(5000);
        String detail = refusedDetail("{\"" + name + "\":1,\"" + name + "\":2}", Credentials.class);
        assertTrue(detail.length() < 200, detail);
    }

    @Test
    void brokenJsonStaysMalformed() {
        for (String body : List.of("{\"username\":\"x\",", "{\"username\":", "{\"a\":[1,", "{\"a\":{\"b\":", "{",
                "{\"a\":1}}", "{\"a\":1} {\"a\":2}", "[{\"username\":\"x\"}]", "\"username\"", "{'a':1}")) {
            assertEquals(ProblemType.MALFORMED_JSON.defaultDetail(), refusedDetail(body, Credentials.class), body);
        }
    }

    /** Parsson refuses more than 1000 levels with a bare RuntimeException, which was a 500 (internal_error). */
    @Test
    void deepNestingIsMalformedOrRead() {
        int depth = 8000; // about what a 16 KB body can hold
        String body = "{\"username\":\"a\",\"deep\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
        try {
            assertEquals("a", StrictJson.read(body, Credentials.class).username);
        } catch (ProblemException refused) {
            assertTrue(refused.is(ProblemType.MALFORMED_JSON), refused.problem()::toString); // the parser's depth limit
        }
    }

    @Test
    void typesAreStillCheckedAndEmptyBodiesAreNull() {
        assertEquals(null, StrictJson.read(" null ", Credentials.class));
        assertEquals(null, StrictJson.read("", Credentials.class));
        ProblemException wrongType = assertThrows(ProblemException.class,
                () -> StrictJson.read("{\"username\":[\"admin\"]}", Credentials.class));
        assertTrue(wrongType.is(ProblemType.VALIDATION_FAILED), wrongType.problem()::toString);
    }
}
