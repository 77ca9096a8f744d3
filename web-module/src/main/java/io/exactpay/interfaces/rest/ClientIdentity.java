package io.exactpay.interfaces.rest;

import io.exactpay.interfaces.rest.problem.Problem;
import io.exactpay.interfaces.rest.problem.ProblemException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.util.UUID;

/**
 * Who is calling: a portal sees only its own orders, and an order of another client is answered
 * as not found.
 */
public final class ClientIdentity {

    /** Client of requests without an authenticated principal, until portal tokens arrive. */
    static final String ANONYMOUS = "anonymous";

    private ClientIdentity() {
    }

    public static String of(SecurityContext security) {
        return security != null && security.getUserPrincipal() != null
                ? security.getUserPrincipal().getName() : ANONYMOUS;
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
