package io.keyturn.security.interop;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * A stand-alone service that trusts Keyturn's access tokens through MicroProfile JWT only: no Keyturn code, just
 * the MP-JWT login configuration and {@code mp.jwt.verify.*} properties (see MicroProfileJwtInteropIT, which
 * packages it as its own WAR).
 */
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({"user", "admin"})
@ApplicationPath("api")
public class VerifierApplication extends Application {
}
