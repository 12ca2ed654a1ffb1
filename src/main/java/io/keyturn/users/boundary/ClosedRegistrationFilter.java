package io.keyturn.users.boundary;

import io.keyturn.problems.boundary.ProblemResponses;
import io.keyturn.problems.entity.ProblemException;
import io.keyturn.problems.entity.ProblemType;
import io.keyturn.callers.control.ClientAddresses;
import io.keyturn.audit.control.SecurityLog;
import io.keyturn.users.control.RegistrationSwitch;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * While {@code keyturn.registration.enabled=false}, self-registration answers 403 {@code registration_disabled}
 * before its body is read or validated: a closed door looks the same whatever is sent to it.
 */
@Provider
@RequiresOpenRegistration
@Priority(Priorities.AUTHORIZATION)
public class ClosedRegistrationFilter implements ContainerRequestFilter {

    @Inject
    RegistrationSwitch registration;

    @Inject
    ClientAddresses clients;

    @Inject
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        if (!registration.open()) {
            SecurityLog.event("registration", "registration_disabled", null, null, clients.addressOf(request));
            context.abortWith(ProblemResponses.of(registrationDisabled()));
        }
    }

    static ProblemException registrationDisabled() {
        return new ProblemException(ProblemType.REGISTRATION_DISABLED);
    }
}
