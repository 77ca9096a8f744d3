package io.exactpay.interfaces.rest.payment;

import io.exactpay.application.AttemptView;
import io.exactpay.application.ChannelUnavailableException;
import io.exactpay.application.OrderService;
import io.exactpay.application.PaymentService;
import io.exactpay.domain.model.order.OrderNotFoundException;
import io.exactpay.domain.model.order.OrderNotPayableException;
import io.exactpay.domain.model.payment.Channel;
import io.exactpay.interfaces.rest.ClientIdentity;
import io.exactpay.interfaces.rest.StrictJsonBody;
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

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** Payment attempts of an order: start one on a channel and get what the payer scans. */
@Path("v1/orders/{orderId}/payments")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PaymentResource {

    /** Body of {@code POST}: the channel to pay on, read strictly ({@link StrictJsonBody}). */
    public record StartPaymentRequest(String channel) {
        static StartPaymentRequest parse(byte[] body) {
            return new StartPaymentRequest(StrictJsonBody.of(body).string("channel"));
        }
    }

    @Inject
    private PaymentService payments;

    @Inject
    private OrderService orders;

    @Context
    private SecurityContext security;

    @Context
    private UriInfo uri;

    @POST
    @RolesAllowed(ClientIdentity.PORTAL)
    @Idempotent
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StartPaymentRequest.class)))
    public Response start(@PathParam("orderId") String orderId, byte[] body) {
        UUID id = ClientIdentity.orderId(orderId);
        Channel channel = channel(StartPaymentRequest.parse(body));
        try {
            AttemptView attempt = payments.startPayment(ClientIdentity.of(security), id, channel);
            if ("REJECTED".equals(attempt.status())) {
                throw new ProblemException(Problem.of("channel-rejected", "The channel refused the payment",
                        Response.Status.BAD_GATEWAY, attempt.channelError()).with("attemptId", attempt.id().toString()));
            }
            return Response.created(uri.getAbsolutePathBuilder().path(attempt.id().toString()).build())
                    .entity(attempt).build();
        } catch (OrderNotFoundException e) {
            throw ClientIdentity.orderNotFound(orderId);
        } catch (OrderNotPayableException e) {
            throw new ProblemException(Problem.of("order-not-payable", "Order cannot be paid",
                    Response.Status.CONFLICT, e.getMessage()));
        } catch (ChannelUnavailableException e) {
            Problem problem = Problem.of("channel-unavailable", "Payment channel unavailable",
                    Response.Status.SERVICE_UNAVAILABLE, e.getMessage() + "; retrying is safe");
            if (e.attempt() != null) {
                problem = problem.with("attemptId", e.attempt().id().toString())
                        .with("outTradeNo", e.attempt().outTradeNo());
            }
            throw new ProblemException(problem);
        }
    }

    @GET
    @RolesAllowed({ClientIdentity.PORTAL, ClientIdentity.SUPPORT, ClientIdentity.ADMIN})
    public List<AttemptView> list(@PathParam("orderId") String orderId) {
        return payments.attempts(ClientIdentity.visibleOrder(orders, security, orderId).id());
    }

    private static Channel channel(StartPaymentRequest request) {
        try {
            return Channel.valueOf(request.channel() == null ? "" : request.channel());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.of("validation", "Invalid request", Response.Status.BAD_REQUEST,
                    "channel must be one of " + Arrays.toString(Channel.values())));
        }
    }
}
