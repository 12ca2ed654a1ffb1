package io.keyturn.database;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@code @Transactional} methods of the annotated bean are run again from the start, a bounded number of times,
 * when their transaction loses a write conflict ({@link WriteConflicts}): on a Galera cluster two nodes committing
 * conflicting writes make one of them fail at commit (certification failure), and a lock taken with
 * {@code SELECT ... FOR UPDATE} holds only on its own node. See {@link ConflictRetryInterceptor}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RetriedOnConflict {
}
