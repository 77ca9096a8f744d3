package io.exactpay.interfaces.rest.order;

import io.exactpay.application.CancellationService;
import io.exactpay.application.OrderView;
import io.exactpay.domain.model.order.CancelReason;
import io.exactpay.domain.model.order.IllegalTransitionException;
import io.exactpay.domain.model.order.OrderNotFoundException;
import io.exactpay.interfaces.rest.ClientIdentity;
import io.exactpay.interfaces.rest.StrictJsonBody;
import io.exactpay.interfaces.rest.problem.Problem;
import io.exactpay.interfaces.rest.problem.ProblemException;
import io.exactpay.interfaces.rest.idempotency.Idempotent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * Cancels an order, for the payer (through the portal), the merchant or support:
 * {@code PAYER_REQUEST} closes an unpaid order; {@code MERCHANT_REQUEST} (a portal) and
 * {@code SUPPORT} (staff) also refund a paid one in full. The answer is the order as the cancel left
 * it: CLOSING while its channel trades close, CLOSED, or REFUNDING.
 */
@Path("v1/orders/{orderId}/cancel")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CancelResource {

    /** Body of {@code POST}: why the order is cancelled, read strictly ({@link StrictJsonBody}). */
    public record CancelRequest(String reason) {
        static CancelRequest parse(byte[] body) {
            return new CancelRequest(StrictJsonBody.optional(body).map(json -> json.string("reason")).orElse(null));
        }
    }

    @Inject
    private CancellationService cancellation;

    @Context
    private SecurityContext security;

    @POST
    @RolesAllowed({ClientIdentity.PORTAL, ClientIdentity.SUPPORT, ClientIdentity.ADMIN})
    @Idempotent
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CancelRequest.class)))
    public OrderResponse cancel(@PathParam("orderId") String orderId, byte[] body) {
        UUID id = ClientIdentity.orderId(orderId);
        boolean staff = ClientIdentity.isStaff(security);
        CancelReason reason = reason(CancelRequest.parse(body), staff);
        try {
            // Staff may cancel any order; a portal only its own client's (another's is not found).
            OrderView order = cancellation.cancel(id, staff ? null : ClientIdentity.of(security), reason,
                    ClientIdentity.actor(security));
            return OrderResponse.of(order);
        } catch (OrderNotFoundException e) {
            throw ClientIdentity.orderNotFound(orderId);
        } catch (IllegalTransitionException e) {
            throw new ProblemException(Problem.of("illegal-transition", "Order cannot be cancelled that way",
                    Response.Status.CONFLICT, e.getMessage()).with("status", e.from().name()));
        }
    }

    private static CancelReason reason(CancelRequest request, boolean staff) {
        String value = request.reason() == null ? "" : request.reason();
        List<CancelReason> allowed = staff ? List.of(CancelReason.PAYER_REQUEST, CancelReason.SUPPORT)
                : List.of(CancelReason.PAYER_REQUEST, CancelReason.MERCHANT_REQUEST);
        return allowed.stream().filter(r -> r.name().equals(value)).findFirst().orElseThrow(() ->
                new ProblemException(Problem.of("validation", "Invalid request", Response.Status.BAD_REQUEST,
                        "reason must be one of " + allowed)));
    }
}
