package io.exactpay.interfaces.rest.webhook;

import io.exactpay.application.WebhookDeliveryView;
import io.exactpay.application.WebhookEndpointView;
import io.exactpay.application.WebhookService;
import io.exactpay.domain.model.webhook.WebhookEndpointNotFoundException;
import io.exactpay.interfaces.rest.ClientIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * A portal's webhook endpoints: register one (its secret is shown once), list them, rotate the
 * secret, disable one, and read its deliveries. Support and admin staff list every client's
 * endpoints (or one client's with {@code ?clientId=}) and read any endpoint's deliveries.
 */
@Path("v1/webhooks/endpoints")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class WebhookEndpointResource {

    private static final int MAX_DELIVERIES = 200;

    @Inject
    private WebhookService webhooks;

    @Context
    private SecurityContext security;

    @Context
    private UriInfo uri;

    @POST
    @RolesAllowed(ClientIdentity.PORTAL)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RegisterEndpointRequest.class)))
    public Response register(byte[] body) {
        RegisterEndpointRequest request = RegisterEndpointRequest.parse(body);
        IssuedSecretResponse issued = IssuedSecretResponse.of(validated(() ->
                webhooks.register(ClientIdentity.of(security), request.url(), request.eventTypes())));
        return Response.created(uri.getAbsolutePathBuilder().path(issued.id().toString()).build()).entity(issued).build();
    }

    @GET
    @RolesAllowed({ClientIdentity.PORTAL, ClientIdentity.SUPPORT, ClientIdentity.ADMIN})
    public List<WebhookEndpointView> list(@QueryParam("clientId") String clientId) {
        if (ClientIdentity.isStaff(security)) return webhooks.endpoints(Optional.ofNullable(clientId));
        return webhooks.endpoints(Optional.of(ClientIdentity.of(security)));
    }

    @POST
    @Path("{id}/rotate")
    @RolesAllowed(ClientIdentity.PORTAL)
    public IssuedSecretResponse rotate(@PathParam("id") String id) {
        UUID endpointId = WebhookProblems.id(id, WebhookProblems::endpointNotFound);
        return IssuedSecretResponse.of(found(id, () -> webhooks.rotateSecret(ClientIdentity.of(security), endpointId)));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(ClientIdentity.PORTAL)
    public WebhookEndpointView disable(@PathParam("id") String id) {
        UUID endpointId = WebhookProblems.id(id, WebhookProblems::endpointNotFound);
        return found(id, () -> webhooks.disable(ClientIdentity.of(security), endpointId));
    }

    @GET
    @Path("{id}/deliveries")
    @RolesAllowed({ClientIdentity.PORTAL, ClientIdentity.SUPPORT, ClientIdentity.ADMIN})
    public List<WebhookDeliveryView> deliveries(@PathParam("id") String id,
                                                @QueryParam("limit") @DefaultValue("50") int limit) {
        UUID endpointId = WebhookProblems.id(id, WebhookProblems::endpointNotFound);
        Optional<String> client = ClientIdentity.isStaff(security) ? Optional.empty()
                : Optional.of(ClientIdentity.of(security));
        return found(id, () -> webhooks.deliveries(client, endpointId, Math.max(1, Math.min(limit, MAX_DELIVERIES))));
    }

    private static <T> T found(String id, Supplier<T> call) {
        try {
            return call.get();
        } catch (WebhookEndpointNotFoundException e) {
            throw WebhookProblems.endpointNotFound(id);
        } catch (EJBException e) {
            if (e.getCause() instanceof WebhookEndpointNotFoundException) throw WebhookProblems.endpointNotFound(id);
            throw e;
        }
    }

    private static <T> T validated(Supplier<T> call) {
        try {
            return call.get();
        } catch (IllegalArgumentException e) {
            throw WebhookProblems.invalid(e.getMessage());
        } catch (EJBException e) {
            if (e.getCause() instanceof IllegalArgumentException cause) throw WebhookProblems.invalid(cause.getMessage());
            throw e;
        }
    }
}
