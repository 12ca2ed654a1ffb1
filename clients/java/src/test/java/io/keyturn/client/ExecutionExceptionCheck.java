package io.keyturn.client;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

final class ExecutionExceptionCheck {

    private ExecutionExceptionCheck() {
    }

    /** The task failed, with exactly this kind of exception. */
    static void assertCause(Class<? extends Throwable> expected, Future<?> task) {
        ExecutionException failed = assertThrows(ExecutionException.class, () -> task.get(30, TimeUnit.SECONDS));
        assertInstanceOf(expected, failed.getCause());
    }
}
