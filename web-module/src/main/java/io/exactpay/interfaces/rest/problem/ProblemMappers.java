package io.exactpay.interfaces.rest.problem;

import io.exactpay.domain.model.order.OrderBusyException;
import io.exactpay.infrastructure.LogText;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Every error leaves the API as problem+json; unexpected ones without internals. */
public final class ProblemMappers {

    private ProblemMappers() {
    }

    @Provider
    public static class Known implements ExceptionMapper<ProblemException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ProblemException e) {
            return e.problem().toResponse(uri.getRequestUri());
        }
    }

    /**
     * JAX-RS's own errors (unknown path, unsupported media type, unreadable body), and the role
     * checks of {@code @RolesAllowed}: no bearer token (401), a role that may not (403).
     */
    @Provider
    public static class Framework implements ExceptionMapper<WebApplicationException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(WebApplicationException e) {
            if (e instanceof NotAuthorizedException) {
                return Response.fromResponse(Problem.of("unauthorized", "Unauthorized", Response.Status.UNAUTHORIZED,
                                "A bearer token is required").toResponse(uri.getRequestUri()))
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
            }
            if (e instanceof ForbiddenException) {
                return Problem.of("forbidden", "Forbidden", Response.Status.FORBIDDEN,
                        "The token's roles do not allow this request").toResponse(uri.getRequestUri());
            }
            Response.StatusType status = e.getResponse().getStatusInfo();
            String type = e instanceof NotFoundException ? "not-found" : "http-" + status.getStatusCode();
            return new Problem(type, status.getReasonPhrase(), status.getStatusCode(),
                    e.getMessage() != null ? e.getMessage() : status.getReasonPhrase(), java.util.Map.of())
                    .toResponse(uri.getRequestUri());
        }
    }

    /** A body that the JSON binding could not read. */
    @Provider
    public static class Unreadable implements ExceptionMapper<ProcessingException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ProcessingException e) {
            return Problem.of("validation", "Invalid request", Response.Status.BAD_REQUEST,
                    "The request body is not valid JSON for this resource").toResponse(uri.getRequestUri());
        }
    }

    /**
     * The order stayed locked by other work past the lock timeout: expected under contention, so
     * one line in the log and an answer to retry shortly; nothing was changed.
     */
    @Provider
    public static class Busy implements ExceptionMapper<OrderBusyException> {
        private static final Logger LOG = Logger.getLogger(Busy.class.getName());

        @Context
        UriInfo uri;

        @Override
        public Response toResponse(OrderBusyException e) {
            LOG.info(() -> LogText.escaped(uri.getRequestUri().toString()) + ": " + e.getMessage()
                    + ", answered 409 order-busy");
            return Response.fromResponse(Problem.of("order-busy", "Order busy", Response.Status.CONFLICT,
                            "The order is being changed by other work; nothing was changed. Retry shortly.")
                            .toResponse(uri.getRequestUri()))
                    .header(HttpHeaders.RETRY_AFTER, "1").build();
        }
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<Exception> {
        private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

        @Context
        UriInfo uri;

        @Override
        public Response toResponse(Exception e) {
            LOG.log(Level.SEVERE, "Request failed: " + LogText.escaped(uri.getRequestUri().toString()), e);
            return Problem.of("internal", "Internal error", Response.Status.INTERNAL_SERVER_ERROR,
                    "The request was not carried out; nothing was changed. Retry later.")
                    .toResponse(uri.getRequestUri());
        }
    }
}
