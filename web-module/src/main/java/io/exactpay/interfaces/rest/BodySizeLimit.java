package io.exactpay.interfaces.rest;

import io.exactpay.interfaces.rest.problem.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * No request body is read whole before its size is checked: a declared length above
 * {@code exactpay.http.max-body-bytes} is refused unread, and a body without one is read no further
 * than the limit. The refusal is 413, as problem+json on the API and as the channel's own failure
 * body on its callback path (so the channel, which retries, sees a failure it understands).
 */
@Provider
@PreMatching
public class BodySizeLimit implements ContainerRequestFilter {

    static final String CALLBACKS = "v1/callbacks/";

    @Inject
    @ConfigProperty(name = "exactpay.http.max-body-bytes", defaultValue = "65536")
    private int maxBytes;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!request.hasEntity()) return;
        if (request.getLength() > maxBytes) {
            request.abortWith(tooLarge(request, request.getLength() + " bytes declared"));
            return;
        }
        byte[] body = request.getEntityStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            request.abortWith(tooLarge(request, "more than " + maxBytes + " bytes"));
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    private Response tooLarge(ContainerRequestContext request, String what) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/")) path = path.substring(1);
        if (path.startsWith(CALLBACKS + "wechatpay")) {
            return Response.status(413).type(MediaType.APPLICATION_JSON)
                    .entity("{\"code\":\"FAIL\",\"message\":\"OVERSIZED_BODY\"}").build();
        }
        if (path.startsWith(CALLBACKS + "alipay")) {
            return Response.status(413).type("text/plain; charset=utf-8").entity("failure").build();
        }
        return Problem.of("payload-too-large", "Request body too large", Response.Status.REQUEST_ENTITY_TOO_LARGE,
                "The body has " + what + "; at most " + maxBytes + " bytes are accepted").toResponse(null);
    }
}
