package io.exactpay.infrastructure.channel.wechatpay;

import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;

/**
 * Sends every SDK request to the configured base URL. wechatpay-java fixes the API host in each
 * service; the request signature covers only path and query, so moving scheme, host and port
 * keeps it valid.
 */
final class BaseUrlRewrite implements Interceptor {

    private final HttpUrl base;

    BaseUrlRewrite(String baseUrl) {
        HttpUrl parsed = HttpUrl.parse(baseUrl);
        if (parsed == null) {
            throw new IllegalArgumentException("not a URL: " + baseUrl);
        }
        this.base = parsed;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        HttpUrl target = request.url().newBuilder()
                .scheme(base.scheme())
                .host(base.host())
                .port(base.port())
                .build();
        return chain.proceed(request.newBuilder().url(target).build());
    }
}
