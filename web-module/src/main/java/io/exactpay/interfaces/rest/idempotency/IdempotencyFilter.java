package io.exactpay.interfaces.rest.idempotency;

import io.exactpay.application.IdempotentRequest;
import io.exactpay.interfaces.rest.ClientIdentity;
import io.exactpay.interfaces.rest.problem.Problem;
import io.exactpay.interfaces.rest.problem.ProblemException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads the {@code Idempotency-Key} of an {@link Idempotent} request after authentication, and
 * fingerprints the request as it arrived: SHA-256 over method, path and the body's bytes (put
 * back for the resource to read).
 */
@Provider
@Idempotent
@Priority(Priorities.USER)
public class IdempotencyFilter implements ContainerRequestFilter {

    private static final int MAX_KEY_LENGTH = 255;

    @Inject
    private IdempotentCall call;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(Idempotent.HEADER);
        if (key == null) return;
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new ProblemException(Problem.of("validation", "Invalid request", Response.Status.BAD_REQUEST,
                    Idempotent.HEADER + " must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters"));
        }
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        // Keys are per client; a staff member's token names no client, so their keys are their own.
        String clientId = ClientIdentity.isStaff(request.getSecurityContext())
                ? ClientIdentity.actor(request.getSecurityContext()) : ClientIdentity.of(request.getSecurityContext());
        call.set(new IdempotentRequest(clientId, key, fingerprint(request, body)));
    }

    private static String fingerprint(ContainerRequestContext request, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((request.getMethod() + " " + request.getUriInfo().getRequestUri().getRawPath() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            sha256.update(body);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
