package io.exactpay.interfaces.rest.admin;

import io.exactpay.application.InvariantChecker;
import io.exactpay.application.janitor.InvariantWatchTask;
import io.exactpay.interfaces.rest.ClientIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** For support staff: the money invariants over the whole database; 0 violations expected. */
@Path("v1/admin/invariants")
@RequestScoped
@RolesAllowed({ClientIdentity.SUPPORT, ClientIdentity.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class InvariantResource {

    /** The response: how many, and which. */
    public record Report(int violations, List<InvariantChecker.Violation> details) {
    }

    @Inject
    private InvariantChecker checker;

    @Inject
    private InvariantWatchTask watch;

    /** Checks now; the result also becomes the gauge's value. */
    @GET
    public Report check() {
        List<InvariantChecker.Violation> violations = checker.violations();
        watch.record(violations);
        return new Report(violations.size(), violations);
    }
}
