package io.keyturn.database;

/**
 * A transaction the database did not commit, in place of the container's {@code TransactionalException}: JAX-RS
 * implementations map that one themselves (Jersey answers 500), so it would never reach Keyturn's problem mappers,
 * which answer this one 503 (see {@link WriteConflicts}).
 */
public class TransactionFailed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TransactionFailed(String transaction, Throwable cause) {
        super(transaction + " did not commit", cause);
    }
}
