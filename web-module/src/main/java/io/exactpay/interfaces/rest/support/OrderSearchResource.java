package io.exactpay.interfaces.rest.support;

import io.exactpay.application.support.OrderMatch;
import io.exactpay.application.support.OrderSearch;
import io.exactpay.interfaces.rest.ClientIdentity;
import io.exactpay.interfaces.rest.problem.Problem;
import io.exactpay.interfaces.rest.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** Support finds an order by whatever number the caller on the phone has. */
@Path("v1/admin/orders")
@RequestScoped
@RolesAllowed({ClientIdentity.SUPPORT, ClientIdentity.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class OrderSearchResource {

    private static final int MAX_NUMBER = 64;

    @Inject
    private OrderSearch search;

    /**
     * Orders named by {@code number}: order id, merchant order number, out_trade_no, channel
     * transaction id, out_refund_no or channel refund id; each says which it matched.
     */
    @GET
    public List<OrderMatch> find(@QueryParam("number") String number) {
        String trimmed = number == null ? "" : number.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NUMBER) {
            throw new ProblemException(Problem.of("validation", "Invalid request", Response.Status.BAD_REQUEST,
                    "number: 1 to " + MAX_NUMBER + " characters"));
        }
        return search.find(trimmed);
    }
}
