package io.exactpay.interfaces.rest.support;

import io.exactpay.interfaces.rest.ClientIdentity;
import io.exactpay.interfaces.rest.problem.Problem;
import io.exactpay.interfaces.rest.problem.ProblemException;
import io.exactpay.messaging.DeadLetterQueue;
import io.exactpay.messaging.DeadLetterView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.util.List;
import java.util.function.Supplier;

/**
 * Dead-lettered messages with their reasons, for support; an admin replays one onto the queue it
 * came from or discards it, each audited with the admin's name.
 */
@Path("v1/admin/dead-letters")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    @Inject
    private DeadLetterQueue deadLetters;

    @Context
    private SecurityContext security;

    @GET
    @RolesAllowed({ClientIdentity.SUPPORT, ClientIdentity.ADMIN})
    public List<DeadLetterView> list(@QueryParam("limit") @DefaultValue("200") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new ProblemException(Problem.of("validation", "Invalid request", Response.Status.BAD_REQUEST,
                    "limit: 1 to 1000"));
        }
        return deadLetters.list(limit);
    }

    @POST
    @Path("{jmsMessageId}/replay")
    @RolesAllowed(ClientIdentity.ADMIN)
    public DeadLetterView replay(@PathParam("jmsMessageId") String jmsMessageId) {
        return found(jmsMessageId, () -> deadLetters.replay(jmsMessageId, ClientIdentity.actor(security)));
    }

    @DELETE
    @Path("{jmsMessageId}")
    @RolesAllowed(ClientIdentity.ADMIN)
    public DeadLetterView discard(@PathParam("jmsMessageId") String jmsMessageId) {
        return found(jmsMessageId, () -> deadLetters.discard(jmsMessageId, ClientIdentity.actor(security)));
    }

    private static DeadLetterView found(String id, Supplier<DeadLetterView> action) {
        try {
            return action.get();
        } catch (DeadLetterQueue.NotFoundException e) {
            throw new ProblemException(Problem.of("dead-letter-not-found", "Dead letter not found",
                    Response.Status.NOT_FOUND, "No dead letter " + id + " (replayed or discarded already?)"));
        } catch (DeadLetterQueue.ReplayRefusedException e) {
            throw new ProblemException(Problem.of("replay-refused", "Dead letter not replayed", Response.Status.CONFLICT,
                    e.getMessage()));
        }
    }
}
