package io.keyturn.users.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keyturn.problems.entity.ProblemException;
import io.keyturn.users.control.ThrottledCredentials.Settlement;
import io.keyturn.users.entity.HashingLimits;
import org.junit.jupiter.api.Test;

/** What each refusal of a password check does to its throttle reservation. */
class ThrottledCredentialsTest {

    @Test
    void aWrongPasswordStaysCounted() {
        assertEquals(Settlement.FAILED, ThrottledCredentials.settlementOf(Authenticator.invalidCredentials()));
    }

    /** The password was right; the account is disabled (403 only after a correct password). */
    @Test
    void aRightPasswordOfADisabledAccountIsGivenBackAndClears() {
        assertEquals(Settlement.SUCCEEDED, ThrottledCredentials.settlementOf(Authenticator.accountDisabled()));
    }

    /** The refusal the hashing budget makes when it stays full: the password was never checked. */
    @Test
    void aCheckThatFoundNoRoomToHashIsGivenBackWithoutClearing() {
        HashingCapacity full = new HashingCapacity(new HashingLimits(1, 0, 100));
        ProblemException noRoom = assertThrows(ProblemException.class,
                () -> full.run(1024, () -> full.run(1, () -> true)));
        assertEquals(Settlement.UNCHECKED, ThrottledCredentials.settlementOf(noRoom));
    }
}
