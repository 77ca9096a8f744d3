package io.exactpay.interfaces.rest.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The error page (WEB-INF/web.xml) for what the container refuses before JAX-RS sees the request:
 * a bearer token that is malformed, expired or not signed by the configured issuer is answered 401
 * by MicroProfile JWT itself, which would otherwise send an HTML page; a request without any token
 * that a container constraint refuses is 401 too.
 */
@WebServlet(ProblemErrorPage.PATH)
public class ProblemErrorPage extends HttpServlet {

    static final String PATH = "/problem-error";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Problem problem = code instanceof Integer status ? problem(status) : Problem.of("not-found", "Not Found",
                Response.Status.NOT_FOUND, "No resource here");
        if (problem.status() == 403 && request.getHeader("Authorization") == null) {
            // A container constraint answers 403 to a caller who sent no token at all; that caller
            // is not authenticated, which is 401, as on the API.
            problem = Problem.of("unauthorized", "Unauthorized", Response.Status.UNAUTHORIZED,
                    "A bearer token is required");
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (problem.status() == 401) {
            response.setHeader("WWW-Authenticate", request.getHeader("Authorization") == null ? "Bearer"
                    : "Bearer error=\"invalid_token\"");
        }
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(problem.toJson(uri != null ? URI.create(uri.toString()) : null));
    }

    private static Problem problem(int status) {
        return switch (status) {
            case 401 -> Problem.of("unauthorized", "Unauthorized", Response.Status.UNAUTHORIZED,
                    "The bearer token is malformed, expired or not signed by the trusted issuer");
            case 403 -> Problem.of("forbidden", "Forbidden", Response.Status.FORBIDDEN,
                    "The token's roles do not allow this request");
            default -> {
                Response.StatusType type = Response.Status.fromStatusCode(status);
                String reason = type != null ? type.getReasonPhrase() : "HTTP " + status;
                yield new Problem("http-" + status, reason, status, reason, java.util.Map.of());
            }
        };
    }
}
