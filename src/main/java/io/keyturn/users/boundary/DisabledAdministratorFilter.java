package io.keyturn.users.boundary;

import io.keyturn.callers.control.ClientAddresses;
import io.keyturn.callers.entity.BearerPrincipal;
import io.keyturn.problems.boundary.ProblemResponses;
import io.keyturn.problems.entity.ProblemException;
import io.keyturn.users.control.SelfService;
import io.keyturn.users.entity.Role;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * An administrator's access token outlives a disable by up to its lifetime (outside strict mode), and with it the
 * administrator could create accounts, register clients, take over a client's secret or enable itself again. So every
 * call to an administration resource by a caller with the admin role reads the account first, as the self-service
 * writes do ({@link SelfService}): a disabled one gets 403 {@code account_disabled}. Callers without the role are left
 * to {@code @RolesAllowed}.
 */
@Provider
@RequiresEnabledAdministrator
@Priority(Priorities.AUTHORIZATION)
public class DisabledAdministratorFilter implements ContainerRequestFilter {

    @Inject
    SecurityContext security;

    @Inject
    SelfService selfService;

    @Inject
    ClientAddresses clients;

    @Inject
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        security.getPrincipalsByType(BearerPrincipal.class).stream()
                .filter(caller -> caller.userId() != null && caller.roles().contains(Role.ADMIN))
                .findFirst()
                .ifPresent(administrator -> {
                    try {
                        selfService.writableAccount(administrator.userId(), "admin_call", clients.addressOf(request));
                    } catch (ProblemException refused) {
                        context.abortWith(ProblemResponses.of(refused));
                    }
                });
    }
}
