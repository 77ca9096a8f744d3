package io.exactpay.interfaces.rest.order;

import io.exactpay.application.OrderHistory;
import io.exactpay.application.OrderService;
import io.exactpay.application.TimelineEntry;
import io.exactpay.interfaces.rest.ClientIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import java.util.List;

/** An order's audit trail: every change, who or what caused it, status before and after, when. */
@Path("v1/orders/{orderId}/timeline")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TimelineResource {

    @Inject
    private OrderService orders;

    @Inject
    private OrderHistory history;

    @Context
    private SecurityContext security;

    @GET
    @RolesAllowed({ClientIdentity.PORTAL, ClientIdentity.SUPPORT, ClientIdentity.ADMIN})
    public List<TimelineEntry> timeline(@PathParam("orderId") String orderId) {
        List<TimelineEntry> timeline = history.timeline(ClientIdentity.visibleOrder(orders, security, orderId).id());
        // Staff see who did what; a client's portal sees that staff did it, not a person's login name.
        return ClientIdentity.isStaff(security) ? timeline : timeline.stream().map(TimelineEntry::asSeenByClient).toList();
    }
}
