package io.exactpay.interfaces.rest.admin;

import io.exactpay.application.reconciliation.ReconciliationRunningException;
import io.exactpay.application.reconciliation.ReconciliationService;
import io.exactpay.application.reconciliation.ReportCsv;
import io.exactpay.application.reconciliation.ReportView;
import io.exactpay.domain.model.payment.Channel;
import io.exactpay.interfaces.rest.ClientIdentity;
import io.exactpay.interfaces.rest.problem.Problem;
import io.exactpay.interfaces.rest.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reconciliation of the books with a channel's daily statement: an admin runs it for a day (the
 * daily timer does yesterday); support and admins read the report, as JSON or CSV.
 */
@Path("v1/admin/reconciliations")
@RequestScoped
@RolesAllowed({ClientIdentity.SUPPORT, ClientIdentity.ADMIN})
public class ReconciliationResource {

    private static final String CSV = "text/csv";

    @Inject
    private ReconciliationService reconciliation;

    /** Runs now and answers with the report: 200 when done, 502 when the statement could not be had. */
    @POST
    @RolesAllowed(ClientIdentity.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    public Response run(@QueryParam("channel") String channel, @QueryParam("date") String date) {
        Channel ch = channel(channel);
        LocalDate day = date(date);
        try {
            ReportView report = reconciliation.reconcile(ch, day);
            return Response.status("DONE".equals(report.status()) ? Response.Status.OK : Response.Status.BAD_GATEWAY)
                    .entity(report).build();
        } catch (ReconciliationRunningException e) {
            throw new ProblemException(Problem.of("reconciliation-running", "Reconciliation already running",
                    Response.Status.CONFLICT, e.getMessage()));
        }
    }

    /** JSON unless the client asks for CSV: qs makes JSON the server's choice for an Accept of any type. */
    @GET
    @Path("{channel}/{date}")
    @Produces(MediaType.APPLICATION_JSON + "; qs=1")
    public ReportView report(@PathParam("channel") String channel, @PathParam("date") String date) {
        return find(channel, date);
    }

    @GET
    @Path("{channel}/{date}")
    @Produces(CSV + "; qs=0.5")
    public Response csv(@PathParam("channel") String channel, @PathParam("date") String date) {
        ReportView report = find(channel, date);
        return Response.ok(ReportCsv.of(report), CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"reconciliation-" + report.channel() + "-"
                        + report.date() + ".csv\"").build();
    }

    private ReportView find(String channel, String date) {
        Channel ch = channel(channel);
        LocalDate day = date(date);
        return reconciliation.report(ch, day).orElseThrow(() -> new ProblemException(Problem.of(
                "reconciliation-not-found", "No such report", Response.Status.NOT_FOUND,
                "No reconciliation of " + ch + " for " + day)));
    }

    private static Channel channel(String name) {
        try {
            return Channel.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw badRequest("channel must be WECHAT_PAY or ALIPAY, not " + name);
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException | NullPointerException e) {
            throw badRequest("date must be an ISO date (2026-12-01), the channel's (Beijing) day, not " + text);
        }
    }

    private static ProblemException badRequest(String detail) {
        return new ProblemException(Problem.of("invalid-request", "Invalid request", Response.Status.BAD_REQUEST, detail));
    }
}
