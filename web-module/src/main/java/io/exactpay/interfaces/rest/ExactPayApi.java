package io.exactpay.interfaces.rest;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The portal API; versioned in the path ({@code /api/v1/...}). Callers present a MicroProfile JWT
 * bearer token whose {@code groups} name their roles; the channels' callbacks are the exception,
 * verified by the channels' signatures instead.
 */
// A bean, so that MicroProfile JWT finds @LoginConfig in this archive's annotated bean discovery.
@ApplicationScoped
@ApplicationPath("api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({ClientIdentity.PORTAL, ClientIdentity.SUPPORT, ClientIdentity.ADMIN})
@OpenAPIDefinition(info = @Info(title = "ExactPay", version = "1",
        description = "Orders and their payments across WeChat Pay and Alipay."),
        security = @SecurityRequirement(name = ExactPayApi.BEARER))
@SecurityScheme(securitySchemeName = ExactPayApi.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "MicroProfile JWT (RS256): roles in groups (portal, support, admin);"
                + " a portal's client id in client_id")
public class ExactPayApi extends Application {

    static final String BEARER = "bearer";
}
