package io.exactpay.interfaces.rest.support;

import io.exactpay.application.OrderService;
import io.exactpay.application.support.CallbackView;
import io.exactpay.application.support.OrderSearch;
import io.exactpay.application.support.OrderWebhookView;
import io.exactpay.application.support.StaffActionView;
import io.exactpay.application.support.StaffActions;
import io.exactpay.interfaces.rest.ClientIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.UUID;

/**
 * What happened around an order besides its own changes (those are its timeline): the channels'
 * words received, the webhooks sent to its merchant, what staff did about it.
 */
@Path("v1/admin/orders/{orderId}/activity")
@RequestScoped
@RolesAllowed({ClientIdentity.SUPPORT, ClientIdentity.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class OrderActivityResource {

    @Inject
    private OrderService orders;

    @Inject
    private OrderSearch search;

    @Inject
    private StaffActions staffActions;

    public record Activity(List<CallbackView> callbacks, List<OrderWebhookView> webhooks,
                           List<StaffActionView> staffActions) {
    }

    @GET
    public Activity activity(@PathParam("orderId") String orderId) {
        UUID id = ClientIdentity.orderId(orderId);
        if (orders.find(id).isEmpty()) throw ClientIdentity.orderNotFound(orderId);
        return new Activity(search.callbacks(id), search.webhooks(id), staffActions.forOrder(id));
    }
}
