package io.exactpay.interfaces.rest;

import io.exactpay.application.OrderService;
import io.exactpay.application.OrderView;
import io.exactpay.interfaces.rest.problem.Problem;
import io.exactpay.interfaces.rest.problem.ProblemException;
import jakarta.json.JsonString;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/**
 * Who is calling, from the bearer token: a portal acts for the client named in its token's
 * {@value #CLIENT_ID_CLAIM} claim and sees only that client's orders (another client's order is
 * answered as not found); support and admin staff read every order.
 */
public final class ClientIdentity {

    public static final String PORTAL = "portal";
    public static final String SUPPORT = "support";
    public static final String ADMIN = "admin";

    /** The claim naming a portal's client, as in RFC 9068 access tokens. */
    public static final String CLIENT_ID_CLAIM = "client_id";

    private ClientIdentity() {
    }

    /** The client a portal acts for; a token without one may not act for any client. */
    public static String of(SecurityContext security) {
        Object claim = security.getUserPrincipal() instanceof JsonWebToken token ? token.getClaim(CLIENT_ID_CLAIM) : null;
        // A custom claim may come as the JSON value it was in the token.
        String clientId = claim instanceof JsonString json ? json.getString() : claim instanceof String text ? text : null;
        if (clientId == null || clientId.isBlank()) {
            throw new ProblemException(Problem.of("forbidden", "Forbidden", Response.Status.FORBIDDEN,
                    "The token names no client (claim " + CLIENT_ID_CLAIM + ")"));
        }
        return clientId;
    }

    /** Whether the caller may see this order: staff any, a portal its own client's. */
    public static boolean maySee(SecurityContext security, OrderView order) {
        return isStaff(security) || order.clientId().equals(of(security));
    }

    /** Who acted, for the audit trail: a portal's client, or the staff member's name. */
    public static String actor(SecurityContext security) {
        return isStaff(security) ? "staff:" + security.getUserPrincipal().getName() : of(security);
    }

    public static boolean isStaff(SecurityContext security) {
        return security.isUserInRole(SUPPORT) || security.isUserInRole(ADMIN);
    }

    /**
     * The order named in the path, when the caller may see it; otherwise 404, the same for an
     * order of another client as for one that does not exist.
     */
    public static OrderView visibleOrder(OrderService orders, SecurityContext security, String orderId) {
        return orders.find(orderId(orderId)).filter(order -> maySee(security, order))
                .orElseThrow(() -> orderNotFound(orderId));
    }

    /** An order id from the path; one that is no UUID names no order. */
    public static UUID orderId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw orderNotFound(value);
        }
    }

    public static ProblemException orderNotFound(String orderId) {
        return new ProblemException(Problem.of("order-not-found", "Order not found", Response.Status.NOT_FOUND,
                "No order " + orderId));
    }
}
