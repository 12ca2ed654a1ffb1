package io.keyturn.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyturn.testing.Http;
import io.keyturn.testing.OwnIssuerKeyturn;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * docs/integration.md, "Spring Boot (resource server)", run through Spring Boot's own auto-configuration
 * ({@code OAuth2ResourceServerAutoConfiguration}) without a web server: the documented {@code application.yml}
 * properties ({@code issuer-uri}, {@code audiences}) build the {@code JwtDecoder}, and the authorities and principal
 * come either from the documented {@code JwtAuthenticationConverter} bean or from the documented property variant
 * ({@code authorities-claim-name}, {@code authority-prefix}, {@code principal-claim-name}). The decoder reads the
 * discovery document and the JWKS of a real Keyturn and decodes its real access tokens.
 * <p>
 * Spring Boot 4.1 is the Boot line that runs on this test class path's Spring Framework 7.0 and Spring Security 7.1;
 * the property names are those of Spring Boot 3.x (the guide's own example was checked by hand with Boot 3.5).
 * <p>
 * Like {@link OAuthInteropIT}'s discovery tests, this needs a Keyturn whose {@code keyturn.issuer} is its own address
 * (Spring compares the metadata's {@code issuer} with {@code issuer-uri}): the same one, {@link OwnIssuerKeyturn}.
 */
class SpringBootResourceServerIT {

    private static final String PASSWORD = "correct horse battery";
    private static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

    private static String issuer;
    private static String username;
    private static String userToken;
    private static String adminToken;

    @BeforeAll
    static void startKeyturnAndSignIn() throws Exception {
        issuer = OwnIssuerKeyturn.issuer();
        Http http = OwnIssuerKeyturn.get().http();
        username = Http.uniqueName("boot");
        userToken = http.register(username, PASSWORD).getString("accessToken");
        adminToken = http.adminToken();
    }

    private static ApplicationContextRunner resourceServer(String... properties) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(OAuth2ResourceServerAutoConfiguration.class))
                .withPropertyValues(JWT + "issuer-uri=" + issuer, JWT + "audiences=keyturn")
                .withPropertyValues(properties);
    }

    /** The guide's property variant: no bean of the application's own. */
    private static ApplicationContextRunner documentedProperties() {
        return resourceServer(JWT + "authorities-claim-name=groups", JWT + "authority-prefix=ROLE_",
                JWT + "principal-claim-name=preferred_username");
    }

    /** The guide's JwtAuthenticationConverter bean, as written there. */
    @Configuration(proxyBeanMethods = false)
    static class DocumentedConverter {
        @Bean
        JwtAuthenticationConverter jwtAuthenticationConverter() {
            JwtGrantedAuthoritiesConverter groups = new JwtGrantedAuthoritiesConverter();
            groups.setAuthoritiesClaimName("groups");
            groups.setAuthorityPrefix("ROLE_");
            JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
            converter.setJwtGrantedAuthoritiesConverter(groups);
            converter.setPrincipalClaimName("preferred_username"); // the username; sub is the user id
            return converter;
        }
    }

    private static AbstractAuthenticationToken authenticate(org.springframework.context.ApplicationContext context,
            String token) {
        Jwt jwt = context.getBean(JwtDecoder.class).decode(token);
        Converter<Jwt, AbstractAuthenticationToken> converter = context.getBean(JwtAuthenticationConverter.class);
        return converter.convert(jwt);
    }

    /** The ROLE_ authorities (Spring Security 7 adds FACTOR_BEARER to every bearer-token authentication). */
    private static Set<String> roles(AbstractAuthenticationToken authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> !authority.startsWith("FACTOR_")).collect(Collectors.toSet());
    }

    @Test
    void theDocumentedPropertiesMapGroupsToRolesAndTheUsernameToThePrincipal() {
        documentedProperties().run(context -> {
            assertEquals(1, context.getBeansOfType(JwtAuthenticationConverter.class).size(), "Boot made it");
            assertRolesAndNamesAsDocumented(context);
        });
    }

    @Test
    void theDocumentedConverterBeanGivesTheSameAuthentication() {
        resourceServer().withUserConfiguration(DocumentedConverter.class)
                .run(SpringBootResourceServerIT::assertRolesAndNamesAsDocumented);
    }

    /** The user's token: role user, named by its username; the administrator's: roles admin and user. */
    private static void assertRolesAndNamesAsDocumented(org.springframework.context.ApplicationContext context) {
        AbstractAuthenticationToken user = authenticate(context, userToken);
        assertEquals(Set.of("ROLE_user"), roles(user));
        assertEquals(username, user.getName());

        AbstractAuthenticationToken admin = authenticate(context, adminToken);
        assertEquals(Set.of("ROLE_admin", "ROLE_user"), roles(admin));
        assertEquals("admin", admin.getName());
    }

    /** Why the guide maps the claims: Spring's defaults read scope/scp (absent) and name the caller by sub. */
    @Test
    void withoutTheMappingTheTokenHasNoRolesAndIsNamedByItsSubject() {
        resourceServer().withUserConfiguration(DefaultConverter.class).run(context -> {
            Jwt jwt = context.getBean(JwtDecoder.class).decode(adminToken);
            AbstractAuthenticationToken admin = context.getBean(JwtAuthenticationConverter.class).convert(jwt);
            assertEquals(Set.of(), roles(admin), "no ROLE_ or SCOPE_ authority");
            assertEquals(jwt.getSubject(), admin.getName());
            assertTrue(!admin.getName().equals("admin"), "sub is the user id, not the username");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class DefaultConverter {
        @Bean
        JwtAuthenticationConverter jwtAuthenticationConverter() {
            return new JwtAuthenticationConverter();
        }
    }

    @Test
    void audiencesRefusesATokenForAnotherAudience() {
        documentedProperties().withPropertyValues(JWT + "audiences=orders-api").run(context -> {
            JwtValidationException refused = assertThrows(JwtValidationException.class,
                    () -> context.getBean(JwtDecoder.class).decode(userToken));
            assertTrue(refused.getErrors().stream().anyMatch(e -> e.getDescription().contains("aud")),
                    refused::getMessage);
        });
    }

    @Test
    void aTokenWithChangedGroupsIsRefused() {
        String[] parts = adminToken.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(userToken.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8).replace("[\"user\"]", "[\"admin\",\"user\"]");
        String forged = userToken.split("\\.")[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "."
                + userToken.split("\\.")[2];
        assertEquals(3, parts.length);
        documentedProperties().run(context -> assertThrows(JwtException.class,
                () -> context.getBean(JwtDecoder.class).decode(forged)));
    }

    /**
     * integration.md: "Do not add a trailing slash": Spring compares the discovered issuer with issuer-uri as a
     * string. Boot still starts (the decoder is resolved at the first token), and every token is then refused.
     */
    @Test
    void anIssuerUriWithATrailingSlashRefusesEveryToken() {
        documentedProperties().withPropertyValues(JWT + "issuer-uri=" + issuer + "/").run(context -> {
            assertTrue(context.getStartupFailure() == null, "the context starts");
            JwtDecoderInitializationException refused = assertThrows(JwtDecoderInitializationException.class,
                    () -> context.getBean(JwtDecoder.class).decode(userToken));
            Throwable cause = refused.getCause();
            assertInstanceOf(IllegalStateException.class, cause, refused::toString);
            assertTrue(cause.getMessage().contains("did not match the requested issuer"), cause::getMessage);
            assertTrue(cause.getMessage().contains("\"" + issuer + "/\""), cause::getMessage);
        });
    }
}
