package io.keyturn.client;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;

/**
 * The Jakarta REST client implementation a test run uses, chosen explicitly by the system property
 * {@code keyturn.client.implementation} ({@code jersey} or {@code resteasy}; the pom runs the integration tests once
 * with each, the other one removed from the class path).
 */
final class ClientImplementation {

    private ClientImplementation() {
    }

    static String name() {
        return System.getProperty("keyturn.client.implementation", "jersey");
    }

    static Client newClient() throws ReflectiveOperationException {
        return switch (name()) {
            case "jersey" -> ((ClientBuilder) Class.forName("org.glassfish.jersey.client.JerseyClientBuilder")
                    .getConstructor().newInstance()).build();
            case "resteasy" -> {
                ClientBuilder builder = (ClientBuilder) Class
                        .forName("org.jboss.resteasy.client.jaxrs.internal.ResteasyClientBuilderImpl")
                        .getConstructor().newInstance();
                // RESTEasy's default is one pooled connection, which concurrent calls cannot share
                builder.getClass().getMethod("connectionPoolSize", int.class).invoke(builder, 128);
                builder.getClass().getMethod("maxPooledPerRoute", int.class).invoke(builder, 128);
                yield builder.build();
            }
            default -> throw new IllegalArgumentException("keyturn.client.implementation: " + name());
        };
    }
}
