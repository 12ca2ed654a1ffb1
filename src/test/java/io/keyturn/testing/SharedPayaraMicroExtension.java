package io.keyturn.testing;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Puts {@link SharedPayaraMicro} in place of Payara Micro's connector (registered in META-INF/services). The WildFly
 * passes run without the Payara connector on the class path: then it registers nothing.
 */
public final class SharedPayaraMicroExtension implements LoadableExtension {

    private static final String PAYARA_CONNECTOR =
            "fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer";

    @Override
    public void register(ExtensionBuilder builder) {
        if (payaraConnectorPresent()) {
            builder.override(DeployableContainer.class, PayaraMicroDeployableContainer.class, SharedPayaraMicro.class);
        }
    }

    private static boolean payaraConnectorPresent() {
        try {
            Class.forName(PAYARA_CONNECTOR, false, SharedPayaraMicroExtension.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
