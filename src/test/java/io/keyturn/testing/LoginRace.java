package io.keyturn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Logins with a password racing a change that should end every session of that password (a password change, a
 * disable): the change is sent, then four logins 0, 50, 100 and 150 ms after it, the window in which a login reads
 * the account before the change commits and opens its session after it.
 */
public final class LoginRace {

    private LoginRace() {
    }

    /** Every answer of the four logins, after the change answered {@code changeStatus}. */
    public static List<Http.Reply> loginsRacing(Http http, Supplier<Http.Reply> change, int changeStatus,
            String username, String password) {
        CompletableFuture<Http.Reply> changed = CompletableFuture.supplyAsync(change);
        List<CompletableFuture<Http.Reply>> logins = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            logins.add(CompletableFuture.supplyAsync(() -> login(http, username, password),
                    CompletableFuture.delayedExecutor(50L * i, TimeUnit.MILLISECONDS)));
        }
        Http.Reply answer = changed.join();
        assertEquals(changeStatus, answer.status(), () -> "the change: " + answer);
        return logins.stream().map(CompletableFuture::join).toList();
    }

    public static Http.Reply login(Http http, String username, String password) {
        return http.post("/api/auth/login").bodyMode().json(Json.createObjectBuilder().add("username", username)
                .add("password", password).build().toString()).send();
    }

    /** Every login that got tokens had its session ended: its refresh token is refused. */
    public static void assertNoLiveSession(Http http, List<Http.Reply> logins) {
        for (Http.Reply login : logins) {
            assertFalse(login.status() == 429 || login.status() >= 500, "no throttling, no server error: " + login);
            if (login.status() == 200) {
                Http.Reply refresh = http.post("/api/auth/refresh").bodyMode()
                        .json(Json.createObjectBuilder().add("refreshToken", login.json().getString("refreshToken"))
                                .build().toString())
                        .send();
                assertEquals(401, refresh.status(), "the session " + login.json().getString("sessionId")
                        + " of a racing login was ended; refresh answered " + refresh.status());
            }
        }
    }
}
