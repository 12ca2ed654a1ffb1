package io.keyturn.bench.mpjwt;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * MicroProfile JWT login; the verifier settings (mp.jwt.verify.publickey.location = Keyturn's JWKS, issuer,
 * audiences) are system properties that bench/bearer.sh gives the server JVM.
 */
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({"user", "admin"})
@ApplicationPath("api")
public class MpJwtApplication extends Application {
}
