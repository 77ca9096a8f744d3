package io.exactpay.interfaces.rest.webhook;

import io.exactpay.interfaces.rest.StrictJsonBody;

import java.util.List;

/** Body of {@code POST /api/v1/webhooks/endpoints}: where to send, and which events; read strictly. */
public record RegisterEndpointRequest(String url, List<String> eventTypes) {

    static RegisterEndpointRequest parse(byte[] body) {
        StrictJsonBody json = StrictJsonBody.of(body);
        return new RegisterEndpointRequest(json.string("url"), json.strings("eventTypes"));
    }
}
