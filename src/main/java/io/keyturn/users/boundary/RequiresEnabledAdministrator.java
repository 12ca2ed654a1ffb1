package io.keyturn.users.boundary;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the administration resources, which {@link DisabledAdministratorFilter} shuts for an administrator whose
 * account has been disabled while the access token is still valid.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresEnabledAdministrator {
}
