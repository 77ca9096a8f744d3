package io.exactpay.interfaces.rest.admin;

import io.exactpay.interfaces.rest.ClientIdentity;
import jakarta.annotation.security.DeclareRoles;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;

/**
 * Guards what Payara Micro serves inside this application's context: {@code /metrics} for
 * {@code admin} tokens only, {@code /openapi} for the API's own roles. Payara's own switch
 * ({@code set-metrics-configuration --securityenabled}) puts a constraint of its file realm in front
 * of the endpoint, which refuses the application's bearer tokens, admins' included; this filter
 * instead asks the caller MicroProfile JWT has already authenticated from the token, exactly as
 * the API's resources do. Refusals go through the error page, as problem+json: 401 without a
 * (valid) token, 403 for a role that may not read the endpoint.
 */
@WebFilter(urlPatterns = {"/metrics/*", "/openapi/*"})
@DeclareRoles({ClientIdentity.PORTAL, ClientIdentity.SUPPORT, ClientIdentity.ADMIN})
public class AdminEndpointFilter extends HttpFilter {

    private static final List<String> METRICS_READERS = List.of(ClientIdentity.ADMIN);
    private static final List<String> OPENAPI_READERS = List.of(ClientIdentity.PORTAL, ClientIdentity.SUPPORT,
            ClientIdentity.ADMIN);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        List<String> readers = path.startsWith("/metrics") ? METRICS_READERS : OPENAPI_READERS;
        if (request.getUserPrincipal() == null) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        if (readers.stream().noneMatch(request::isUserInRole)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }
}
