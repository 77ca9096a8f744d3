package io.exactpay.interfaces.rest.webhook;

import io.exactpay.application.WebhookDeliveryView;
import io.exactpay.application.WebhookService;
import io.exactpay.domain.model.webhook.WebhookDeliveryNotFoundException;
import io.exactpay.interfaces.rest.ClientIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBException;
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

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** One webhook delivery with its attempts; support sends one again (same webhook-id, new retry window). */
@Path("v1/webhooks/deliveries")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WebhookDeliveryResource {

    @Inject
    private WebhookService webhooks;

    @Context
    private SecurityContext security;

    @GET
    @Path("{id}")
    @RolesAllowed({ClientIdentity.PORTAL, ClientIdentity.SUPPORT, ClientIdentity.ADMIN})
    public WebhookDeliveryView get(@PathParam("id") String id) {
        UUID deliveryId = WebhookProblems.id(id, WebhookProblems::deliveryNotFound);
        Optional<String> client = ClientIdentity.isStaff(security) ? Optional.empty()
                : Optional.of(ClientIdentity.of(security));
        return found(id, () -> webhooks.delivery(client, deliveryId));
    }

    @POST
    @Path("{id}/resend")
    @RolesAllowed({ClientIdentity.SUPPORT, ClientIdentity.ADMIN})
    public Response resend(@PathParam("id") String id) {
        UUID deliveryId = WebhookProblems.id(id, WebhookProblems::deliveryNotFound);
        return Response.accepted(found(id, () -> webhooks.resend(deliveryId, ClientIdentity.actor(security)))).build();
    }

    private static <T> T found(String id, Supplier<T> call) {
        try {
            return call.get();
        } catch (WebhookDeliveryNotFoundException e) {
            throw WebhookProblems.deliveryNotFound(id);
        } catch (EJBException e) {
            if (e.getCause() instanceof WebhookDeliveryNotFoundException) throw WebhookProblems.deliveryNotFound(id);
            throw e;
        }
    }
}
