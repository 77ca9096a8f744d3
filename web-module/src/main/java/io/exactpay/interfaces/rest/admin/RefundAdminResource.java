package io.exactpay.interfaces.rest.admin;

import io.exactpay.application.RefundService;
import io.exactpay.application.RefundView;
import io.exactpay.domain.model.order.IllegalTransitionException;
import io.exactpay.domain.model.refund.RefundNotFoundException;
import io.exactpay.interfaces.rest.ClientIdentity;
import io.exactpay.interfaces.rest.problem.Problem;
import io.exactpay.interfaces.rest.problem.ProblemException;
import io.exactpay.interfaces.rest.idempotency.Idempotent;
import jakarta.annotation.security.RolesAllowed;
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

/** FAILED refunds need a person: support lists them and sends one again once the cause is fixed. */
@Path("v1/admin/refunds")
@RequestScoped
@RolesAllowed({ClientIdentity.SUPPORT, ClientIdentity.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class RefundAdminResource {

    @Inject
    private RefundService refunds;

    @Context
    private SecurityContext security;

    @GET
    @Path("failed")
    public List<RefundView> failed() {
        return refunds.failed();
    }

    @POST
    @Path("{refundId}/retry")
    @Idempotent
    public RefundView retry(@PathParam("refundId") String refundId) {
        try {
            return refunds.retry(UUID.fromString(refundId), ClientIdentity.actor(security));
        } catch (IllegalArgumentException | RefundNotFoundException e) {
            throw new ProblemException(Problem.of("refund-not-found", "Refund not found", Response.Status.NOT_FOUND,
                    "No refund " + refundId));
        } catch (IllegalTransitionException e) {
            throw new ProblemException(Problem.of("illegal-transition", "Refund cannot be retried",
                    Response.Status.CONFLICT, e.getMessage()));
        }
    }
}
