package io.exactpay.infrastructure.channel.wechatpay;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;

/**
 * Sends a GET (a status query, a bill download) a second time when the first failed on the way,
 * typically on a pooled connection that the channel had closed while it was idle: the channel
 * closes idle connections sooner than the client's pool forgets them, and OkHttp checks an idle
 * connection's health only before a request that is not a GET. A GET changes nothing at the
 * channel, so sending it again is safe. A POST (a new trade, a refund, a close) is never sent
 * again here: the client does not retry on connection failures, and whether to ask the channel
 * again is the caller's decision.
 */
final class ResendGetOnce implements Interceptor {

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        try {
            return chain.proceed(request);
        } catch (IOException first) {
            if (!"GET".equals(request.method())) throw first;
            try {
                return chain.proceed(request);
            } catch (IOException second) {
                second.addSuppressed(first);
                throw second;
            }
        }
    }
}
