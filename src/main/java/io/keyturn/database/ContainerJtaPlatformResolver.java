package io.keyturn.database;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.hibernate.engine.jndi.JndiException;
import org.hibernate.engine.jndi.spi.JndiService;
import org.hibernate.engine.transaction.jta.platform.internal.JBossAppServerJtaPlatform;
import org.hibernate.engine.transaction.jta.platform.internal.StandardJtaPlatformResolver;
import org.hibernate.engine.transaction.jta.platform.internal.SunOneJtaPlatform;
import org.hibernate.engine.transaction.jta.platform.spi.JtaPlatform;
import org.hibernate.engine.transaction.jta.platform.spi.JtaPlatformResolver;
import org.hibernate.service.spi.ServiceRegistryImplementor;

/**
 * Lets one WAR run its bundled Hibernate on Payara and on WildFly: picks Hibernate's JTA platform by the
 * transaction manager the server publishes in JNDI, instead of naming one server's platform in
 * {@code persistence.xml}. Named there as {@code hibernate.transaction.jta.platform_resolver}.
 * <p>
 * Payara binds {@code java:appserver/TransactionManager} (Hibernate's {@code SunOneJtaPlatform}); WildFly binds
 * {@code java:jboss/TransactionManager} ({@code JBossAppServerJtaPlatform}). Hibernate's standard resolver knows
 * neither (on Payara: HHH000489, then no dialect), and WildFly's JPA subsystem does not set a platform for a
 * Hibernate the application brings ({@code jboss.as.jpa.providerModule=application}). Hibernate asks a resolver
 * only when no platform is configured, so an explicit {@code hibernate.transaction.jta.platform} (e.g. a system
 * property) still wins.
 */
public class ContainerJtaPlatformResolver implements JtaPlatformResolver {

    private static final Logger LOG = Logger.getLogger(ContainerJtaPlatformResolver.class.getName());

    /** The JNDI name each server binds its transaction manager to, and Hibernate's platform for that server. */
    private static final List<Map.Entry<String, Supplier<JtaPlatform>>> SERVERS = List.of(
            Map.entry("java:jboss/TransactionManager", JBossAppServerJtaPlatform::new),
            Map.entry("java:appserver/TransactionManager", SunOneJtaPlatform::new));

    @Override
    @SuppressWarnings("rawtypes")
    public JtaPlatform resolveJtaPlatform(Map configurationValues, ServiceRegistryImplementor registry) {
        JndiService jndi = registry.getService(JndiService.class);
        for (Map.Entry<String, Supplier<JtaPlatform>> server : SERVERS) {
            if (bound(jndi, server.getKey())) {
                JtaPlatform platform = server.getValue().get();
                LOG.fine(() -> "JTA platform " + platform.getClass().getSimpleName() + " (found "
                        + server.getKey() + ")");
                return platform;
            }
        }
        return StandardJtaPlatformResolver.INSTANCE.resolveJtaPlatform(configurationValues, registry);
    }

    private static boolean bound(JndiService jndi, String name) {
        try {
            return jndi != null && jndi.locate(name) != null;
        } catch (JndiException notThere) {
            return false;
        }
    }
}
