package io.exactpay.interfaces.rest.webhook;

import io.exactpay.interfaces.rest.problem.Problem;
import io.exactpay.interfaces.rest.problem.ProblemException;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/** The webhook API's errors, each with its stable problem type. */
final class WebhookProblems {

    private WebhookProblems() {
    }

    static ProblemException endpointNotFound(String id) {
        return new ProblemException(Problem.of("webhook-endpoint-not-found", "Webhook endpoint not found",
                Response.Status.NOT_FOUND, "No webhook endpoint " + id));
    }

    static ProblemException deliveryNotFound(String id) {
        return new ProblemException(Problem.of("webhook-delivery-not-found", "Webhook delivery not found",
                Response.Status.NOT_FOUND, "No webhook delivery " + id));
    }

    static ProblemException invalid(String detail) {
        return new ProblemException(Problem.of("validation", "Invalid request", Response.Status.BAD_REQUEST, detail));
    }

    /** An id from the path; one that is no UUID names nothing, so it is not found. */
    static UUID id(String value, java.util.function.Function<String, ProblemException> notFound) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw notFound.apply(value);
        }
    }
}
