package io.exactpay.interfaces.rest.refund;

import io.exactpay.application.OrderHistory;
import io.exactpay.application.OrderService;
import io.exactpay.application.RefundService;
import io.exactpay.interfaces.rest.idempotency.Idempotent;
import jakarta.annotation.security.RolesAllowed;
import io.exactpay.application.RefundView;
import io.exactpay.domain.model.order.IllegalTransitionException;
import io.exactpay.domain.model.order.OrderNotFoundException;
import io.exactpay.interfaces.rest.ClientIdentity;
import io.exactpay.interfaces.rest.problem.Problem;
import io.exactpay.interfaces.rest.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.util.List;
import java.util.UUID;

/** Refunds of an order, for support: list them, or refund a paid order in full by hand. */
@Path("v1/orders/{orderId}/refunds")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RefundResource {

    @Inject
    private RefundService refunds;

    @Inject
    private OrderHistory history;

    @Inject
    private OrderService orders;

    @Context
    private SecurityContext security;

    @GET
    @RolesAllowed({ClientIdentity.PORTAL, ClientIdentity.SUPPORT, ClientIdentity.ADMIN})
    public List<RefundView> list(@PathParam("orderId") String orderId) {
        return history.refunds(ClientIdentity.visibleOrder(orders, security, orderId).id());
    }

    /** The whole payment back to the payer: the order goes REFUNDING, then REFUNDED when the channel confirms. */
    @POST
    @RolesAllowed({ClientIdentity.SUPPORT, ClientIdentity.ADMIN})
    @Idempotent
    public Response refundInFull(@PathParam("orderId") String orderId) {
        UUID id = ClientIdentity.orderId(orderId);
        try {
            refunds.refundInFull(id, ClientIdentity.actor(security));
            return Response.accepted(history.refunds(id)).build();
        } catch (OrderNotFoundException e) {
            throw ClientIdentity.orderNotFound(orderId);
        } catch (IllegalTransitionException e) {
            throw new ProblemException(Problem.of("illegal-transition", "Order cannot be refunded",
                    Response.Status.CONFLICT, e.getMessage()).with("status", e.from().name()));
        }
    }
}
