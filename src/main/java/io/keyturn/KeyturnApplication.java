package io.keyturn;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The JAX-RS application: everything under {@code /api}. */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "Keyturn", version = "1",
        description = "Short-lived JWT access tokens and rotating refresh tokens. Errors are RFC 9457 problem "
                + "details (application/problem+json) with a machine-readable code. Access tokens verify against "
                + "/.well-known/jwks.json."))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT")
public class KeyturnApplication extends Application {
}
