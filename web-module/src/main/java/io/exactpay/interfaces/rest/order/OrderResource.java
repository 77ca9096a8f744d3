package io.exactpay.interfaces.rest.order;

import io.exactpay.application.OrderHistory;
import io.exactpay.application.OrderService;
import io.exactpay.application.PaymentService;
import io.exactpay.application.OrderView;
import io.exactpay.application.PlaceOrder;
import io.exactpay.domain.model.order.DuplicateMerchantOrderException;
import io.exactpay.domain.model.order.OrderAmountRule;
import io.exactpay.interfaces.rest.ClientIdentity;
import io.exactpay.interfaces.rest.idempotency.Idempotent;
import io.exactpay.interfaces.rest.problem.Problem;
import io.exactpay.interfaces.rest.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** Orders of the caller's client: place one, read one (staff read any). */
@Path("v1/orders")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    @Inject
    private OrderService orders;

    @Inject
    private PaymentService payments;

    @Inject
    private OrderHistory history;

    @Inject
    @ConfigProperty(name = "exactpay.order.max-amount", defaultValue = "" + OrderAmountRule.DEFAULT_MAX_MINOR_UNITS)
    private long maxAmount;

    @Context
    private UriInfo uri;

    @Context
    private SecurityContext security;

    @POST
    @RolesAllowed(ClientIdentity.PORTAL)
    @Idempotent
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CreateOrderRequest.class)))
    public Response create(byte[] body) {
        CreateOrderRequest request = CreateOrderRequest.parse(body);
        request.validate(new OrderAmountRule(maxAmount));
        try {
            OrderView order = orders.placeOrder(new PlaceOrder(clientId(), request.merchantOrderNo(),
                    request.amountMinor(), request.currency(), request.subject(), request.timeToPay()));
            return Response.created(uri.getAbsolutePathBuilder().path(order.id().toString()).build())
                    .entity(OrderResponse.of(order)).build();
        } catch (DuplicateMerchantOrderException e) {
            Problem problem = Problem.of("order-exists", "Order already exists", Response.Status.CONFLICT,
                    e.getMessage()).with("merchantOrderNo", e.merchantOrderNo());
            if (e.existingOrderId() != null) problem = problem.with("orderId", e.existingOrderId().toString());
            throw new ProblemException(problem);
        }
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ClientIdentity.PORTAL, ClientIdentity.SUPPORT, ClientIdentity.ADMIN})
    public OrderResponse get(@PathParam("id") String id) {
        return orders.find(ClientIdentity.orderId(id))
                .filter(order -> ClientIdentity.maySee(security, order))
                .map(order -> OrderResponse.withDetails(order, payments.attempts(order.id()),
                        history.captures(order.id()), history.refunds(order.id())))
                .orElseThrow(() -> ClientIdentity.orderNotFound(id));
    }

    private String clientId() {
        return ClientIdentity.of(security);
    }
}
