package org.dialbook.api;

import java.io.IOException;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds {@code Authorization: Basic ...} up front (no 401 round trip), and only to requests for the
 * configured scheme, host and port, so the credentials can never leak to another host, for instance
 * through a redirect. This is OkHttp's "PreemptiveAuth" recipe.
 */
final class BasicAuthInterceptor implements Interceptor {
    private final String scheme;
    private final String host;
    private final int port;
    private final String credentials;

    BasicAuthInterceptor(HttpUrl baseUrl, String apiKey, String apiToken) {
        this.scheme = baseUrl.scheme();
        this.host = baseUrl.host();
        this.port = baseUrl.port();
        this.credentials = Credentials.basic(apiKey, apiToken);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        HttpUrl url = request.url();
        if (url.scheme().equals(scheme) && url.host().equals(host) && url.port() == port
                && request.header("Authorization") == null) {
            request = request.newBuilder().header("Authorization", credentials).build();
        }
        return chain.proceed(request);
    }

    @Override
    public String toString() {
        return "BasicAuthInterceptor[" + scheme + "://" + host + ":" + port + "]";
    }
}
