package io.exactpay.interfaces.rest.idempotency;

import io.exactpay.application.IdempotencyKeyInUseException;
import io.exactpay.application.IdempotencyKeyReusedException;
import io.exactpay.application.IdempotencyService;
import io.exactpay.application.IdempotentRequest;
import io.exactpay.application.RecordedResponse;
import io.exactpay.interfaces.rest.problem.Problem;
import io.exactpay.interfaces.rest.problem.ProblemException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;
import java.util.Optional;

/**
 * Runs an {@link Idempotent} resource method that carries a key through {@link IdempotencyService}:
 * in one transaction with its key, or not at all when an earlier request with the key succeeded,
 * whose response is sent again instead.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class IdempotencyInterceptor {

    /** The same JSON binding defaults as the JAX-RS runtime's, so a replay reads as the first answer. */
    private static final Jsonb JSON = JsonbBuilder.create();

    private static final int UNPROCESSABLE_CONTENT = 422;

    @Inject
    private IdempotentCall call;

    @Inject
    private IdempotencyService idempotency;

    @AroundInvoke
    public Object once(InvocationContext invocation) throws Exception {
        IdempotentRequest request = call.request();
        if (request == null) return invocation.proceed();
        Outcome outcome = new Outcome(invocation);
        Optional<RecordedResponse> earlier;
        try {
            earlier = idempotency.replayOrRun(request, outcome::run);
        } catch (IdempotencyKeyReusedException e) {
            throw new ProblemException(new Problem("idempotency-conflict", "Idempotency-Key reused",
                    UNPROCESSABLE_CONTENT, e.getMessage(), Map.of()));
        } catch (IdempotencyKeyInUseException e) {
            throw new ProblemException(Problem.of("idempotency-in-progress", "Request in progress",
                    Response.Status.CONFLICT, e.getMessage() + "; retry later"));
        }
        return earlier.isPresent() ? replay(earlier.get()) : outcome.result();
    }

    private static Response replay(RecordedResponse recorded) {
        Response.ResponseBuilder response = Response.status(recorded.status()).type(recorded.contentType())
                .entity(recorded.body()).header(Idempotent.REPLAYED_HEADER, "true");
        if (recorded.location() != null) response.header(HttpHeaders.LOCATION, recorded.location());
        return response.build();
    }

    /** What the resource method did: its result, kept when a success, or what it threw. */
    private static final class Outcome {

        private final InvocationContext invocation;
        private Object result;
        private Exception failure;

        Outcome(InvocationContext invocation) {
            this.invocation = invocation;
        }

        Optional<RecordedResponse> run() {
            try {
                result = invocation.proceed();
            } catch (Exception e) {
                failure = e;
                return Optional.empty();
            }
            Response response = result instanceof Response r ? r : Response.ok(result).build();
            if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) return Optional.empty();
            MediaType type = response.getMediaType() != null ? response.getMediaType() : MediaType.APPLICATION_JSON_TYPE;
            String body = response.getEntity() == null ? "" : response.getEntity() instanceof String text ? text
                    : JSON.toJson(response.getEntity());
            return Optional.of(new RecordedResponse(response.getStatus(),
                    response.getLocation() != null ? response.getLocation().toString() : null, type.toString(), body));
        }

        Object result() throws Exception {
            if (failure != null) throw failure;
            return result;
        }
    }
}
