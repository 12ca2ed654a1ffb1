package io.keyturn.database;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.lang.reflect.Method;

/**
 * Runs a {@code @Transactional} method again when its transaction lost a write conflict ({@link ConflictRetries}).
 * <p>
 * It must sit outside the transaction: a transaction that lost is rolled back as a whole and can only be re-run
 * from its start, with a fresh persistence context. So its priority is below the one of the {@code @Transactional}
 * interceptors ({@code PLATFORM_BEFORE + 200} on Payara and WildFly alike), which makes it the outer one; MicroProfile
 * Fault Tolerance's {@code @Retry} runs inside the transaction and could not do this. Only a method that begins its
 * own transaction is retried ({@code REQUIRES_NEW}, or {@code REQUIRED} called without one): inside a caller's
 * transaction the caller's boundary is the one to retry.
 */
@RetriedOnConflict
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class ConflictRetryInterceptor {

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    @AroundInvoke
    public Object retry(InvocationContext call) throws Exception {
        if (!beginsItsOwnTransaction(call.getMethod())) {
            return call.proceed();
        }
        Method method = call.getMethod();
        return ConflictRetries.run(method.getDeclaringClass().getSimpleName() + "." + method.getName(), call::proceed);
    }

    private boolean beginsItsOwnTransaction(Method method) {
        Transactional transactional = method.getAnnotation(Transactional.class);
        if (transactional == null) {
            transactional = method.getDeclaringClass().getAnnotation(Transactional.class);
        }
        if (transactional == null) {
            return false;
        }
        return transactional.value() == TxType.REQUIRES_NEW || transactional.value() == TxType.REQUIRED
                && transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION;
    }
}
