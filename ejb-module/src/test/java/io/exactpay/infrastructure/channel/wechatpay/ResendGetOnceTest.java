package io.exactpay.infrastructure.channel.wechatpay;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A channel closes a connection it finds idle; the client's pool still holds it. The next request
 * on it fails on the way. A GET is then sent again on a fresh connection; a POST is not.
 */
class ResendGetOnceTest {

    private ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private Thread acceptor;

    /** Answers one request per connection, keep-alive as far as the client can tell, then closes it. */
    @BeforeEach
    void channelThatClosesIdleConnections() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    connections.incrementAndGet();
                    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                    int contentLength = 0;
                    String line = in.readLine();
                    if (line == null) continue;
                    while ((line = in.readLine()) != null && !line.isEmpty()) {
                        if (line.toLowerCase().startsWith("content-length:")) contentLength = Integer.parseInt(line.substring(15).trim());
                    }
                    for (int i = 0; i < contentLength; i++) in.read();
                    requests.incrementAndGet();
                    OutputStream out = socket.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: text/plain\r\n\r\nok"
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    // closed at the end of the test
                }
            }
        }, "closing-channel");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private OkHttpClient client(boolean resendGet) {
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(5))
                .retryOnConnectionFailure(false);
        if (resendGet) builder.addInterceptor(new ResendGetOnce());
        return builder.build();
    }

    private String url() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/v3/bill/tradebill";
    }

    private void firstCallThenLetTheChannelCloseIt(OkHttpClient client) throws Exception {
        try (Response response = client.newCall(new Request.Builder().url(url()).build()).execute()) {
            assertEquals("ok", response.body().string());
        }
        Thread.sleep(300); // the channel has closed the connection; the pool still holds it
    }

    @Test
    void aGetOnAConnectionTheChannelClosed_isSentAgain_andAnswered() throws Exception {
        OkHttpClient client = client(true);
        firstCallThenLetTheChannelCloseIt(client);

        try (Response response = client.newCall(new Request.Builder().url(url()).build()).execute()) {
            assertEquals("ok", response.body().string());
        }
        assertEquals(2, requests.get(), "the channel answered the first GET and the one sent again");
        assertEquals(2, connections.get());
    }

    @Test
    void withoutIt_thatGetFails() throws Exception {
        OkHttpClient client = client(false);
        firstCallThenLetTheChannelCloseIt(client);

        assertThrows(IOException.class, () -> client.newCall(new Request.Builder().url(url()).build()).execute().close());
        assertEquals(1, requests.get());
    }

    @Test
    void aPostOnAConnectionTheChannelClosed_isNotSentAgain() throws Exception {
        OkHttpClient client = client(true);
        firstCallThenLetTheChannelCloseIt(client);

        Request refund = new Request.Builder().url(url())
                .post(RequestBody.create("{\"out_refund_no\":\"R1\"}", MediaType.get("application/json"))).build();
        assertThrows(IOException.class, () -> client.newCall(refund).execute().close());
        Thread.sleep(300);
        assertEquals(1, requests.get(), "the POST reached the channel neither on the dead connection nor again");
    }
}
