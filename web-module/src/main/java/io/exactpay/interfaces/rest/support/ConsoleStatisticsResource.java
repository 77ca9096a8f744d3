package io.exactpay.interfaces.rest.support;

import io.exactpay.application.support.ConsoleStatistics;
import io.exactpay.application.support.StaffActionView;
import io.exactpay.application.support.StaffActions;
import io.exactpay.interfaces.rest.ClientIdentity;
import io.exactpay.interfaces.rest.problem.Problem;
import io.exactpay.interfaces.rest.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** The numbers behind the console's charts, and the staff audit trail. */
@Path("v1/admin")
@RequestScoped
@RolesAllowed({ClientIdentity.SUPPORT, ClientIdentity.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class ConsoleStatisticsResource {

    @Inject
    private ConsoleStatistics statistics;

    @Inject
    private StaffActions staffActions;

    /** Captures by role, duplicate and late payments and settlement latency per hour, open trades. */
    @GET
    @Path("statistics")
    public ConsoleStatistics.Snapshot statistics(@QueryParam("hours") @DefaultValue("24") int hours) {
        if (hours < 1 || hours > 168) {
            throw new ProblemException(Problem.of("validation", "Invalid request", Response.Status.BAD_REQUEST,
                    "hours: 1 to 168"));
        }
        return statistics.snapshot(hours);
    }

    /** What staff did that is not a change of an order (webhooks resent, dead letters replayed or discarded), newest first. */
    @GET
    @Path("staff-actions")
    public List<StaffActionView> staffActions(@QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new ProblemException(Problem.of("validation", "Invalid request", Response.Status.BAD_REQUEST,
                    "limit: 1 to 1000"));
        }
        return staffActions.recent(limit);
    }
}
