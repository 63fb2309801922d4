package org.dialbook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.ListQuery;
import org.dialbook.api.RetryPolicy;
import org.dialbook.testing.InProcessSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** 200 connections that send half a request and stall do not stop the sandbox answering anyone else. */
class SlowClientsTest {
    @RegisterExtension
    final InProcessSandbox fixture = InProcessSandbox.inMemory();

    @Test
    void twoHundredHalfSentRequestsDoNotStarveANormalOne() throws IOException {
        List<Socket> slow = new ArrayList<>();
        SandboxServer sandbox = fixture.server();
        try (ContactsClient client = ContactsClient.builder(sandbox.connectionSettings())
                .retryPolicy(RetryPolicy.none()).readTimeout(Duration.ofSeconds(5)).build()) {
            for (int i = 0; i < 200; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), sandbox.port());
                OutputStream out = socket.getOutputStream();
                // Half the headers, then nothing: a worker that reads them waits for the rest.
                out.write(("POST /v2/accounts/sandbox/contacts HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                slow.add(socket);
            }

            assertThat(client.listContacts(ListQuery.firstPage()).total()).isZero();
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }
}
