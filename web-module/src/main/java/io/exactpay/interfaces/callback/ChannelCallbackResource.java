package io.exactpay.interfaces.callback;

import io.exactpay.application.CallbackService;
import io.exactpay.application.channel.CallbackReply;
import io.exactpay.application.channel.InboundCallback;
import io.exactpay.domain.model.payment.Channel;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;

import java.util.HashMap;
import java.util.Map;

/**
 * The channels' payment and refund callbacks. The body is kept as the exact bytes that were signed;
 * verification, the inbox and the hand-over to settlement happen in {@link CallbackService}, and
 * the answer is the channel's own success or failure body. Open to all callers: the channel's
 * signature, not a bearer token, says who sent it.
 */
@Path("v1/callbacks")
@RequestScoped
@PermitAll
@SecurityRequirementsSet({}) // signed by the channels, no bearer token
public class ChannelCallbackResource {

    @Inject
    private CallbackService callbacks;

    @Context
    private HttpHeaders headers;

    @POST
    @Path("wechatpay")
    public Response wechatPay(byte[] body) {
        return answer(callbacks.receive(Channel.WECHAT_PAY, inbound(body)));
    }

    @POST
    @Path("alipay")
    public Response alipay(byte[] body) {
        return answer(callbacks.receive(Channel.ALIPAY, inbound(body)));
    }

    private InboundCallback inbound(byte[] body) {
        Map<String, String> flat = new HashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> flat.put(name, String.join(",", values)));
        return new InboundCallback(flat, body);
    }

    private static Response answer(CallbackReply reply) {
        Response.ResponseBuilder response = Response.status(reply.status());
        if (reply.body() != null && !reply.body().isEmpty()) response.type(reply.contentType()).entity(reply.body());
        return response.build();
    }
}
