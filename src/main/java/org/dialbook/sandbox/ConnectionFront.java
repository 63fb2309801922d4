package org.dialbook.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP front for the sandbox's HTTP server that treats connections the way real gateways do, which
 * the JDK server cannot be told to: it closes keep-alive connections idle longer than a timeout
 * (load balancers do after 60-75 s), and in HTTP/1.0 mode it answers one request per connection,
 * over HTTP/1.0, and then closes it without saying so in a {@code Connection} header.
 */
final class ConnectionFront implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionFront.class);
    private static final byte[] HEAD_END = {'\r', '\n', '\r', '\n'};
    private static final int MAX_HEAD = 64 * 1024;

    private final ServerSocket listener;
    private final InetSocketAddress backend;
    private final Duration idleTimeout;
    private final boolean http10;
    private final ExecutorService threads;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger idleClosed = new AtomicInteger();
    private final Object openChanged = new Object();
    private volatile boolean closed;

    private ConnectionFront(ServerSocket listener, InetSocketAddress backend, Duration idleTimeout, boolean http10) {
        this.listener = listener;
        this.backend = backend;
        this.idleTimeout = idleTimeout;
        this.http10 = http10;
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "sandbox-front-" + listener.getLocalPort());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * @param idleTimeout null: never close idle connections
     */
    static ConnectionFront start(int port, InetSocketAddress backend, Duration idleTimeout, boolean http10)
            throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        ConnectionFront front = new ConnectionFront(listener, backend, idleTimeout, http10);
        front.threads.execute(front::acceptLoop);
        return front;
    }

    int port() {
        return listener.getLocalPort();
    }

    /** How many connections were closed for being idle. */
    int idleClosed() {
        return idleClosed.get();
    }

    /** Waits until no client connection is open (each closed by idleness, HTTP/1.0 or the client). */
    boolean awaitNoOpenConnections(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (openChanged) {
            while (!open.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                openChanged.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                open.add(client);
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("The sandbox front stopped accepting: {}", e.getMessage());
                }
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client; Socket server = new Socket()) {
            server.connect(backend);
            server.setTcpNoDelay(true);
            client.setTcpNoDelay(true);
            Link link = new Link(client, server);
            threads.execute(link::pumpBack);
            link.pumpForward();
        } catch (IOException e) {
            LOG.debug("Sandbox front connection ended: {}", e.getMessage());
        } finally {
            open.remove(client);
            synchronized (openChanged) {
                openChanged.notifyAll();
            }
        }
    }

    /** One client connection and its connection to the real server. */
    private final class Link {
        private final Socket client;
        private final Socket server;
        private final AtomicLong lastFromClient = new AtomicLong(System.nanoTime() - 1);
        private final AtomicLong lastFromServer = new AtomicLong(System.nanoTime());

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        /** Client to server; closes both when the connection sat idle (no request in flight) too long. */
        void pumpForward() throws IOException {
            if (idleTimeout != null) {
                client.setSoTimeout((int) Math.max(10, idleTimeout.toMillis() / 5));
            }
            InputStream in = client.getInputStream();
            OutputStream out = server.getOutputStream();
            byte[] buffer = new byte[16 * 1024];
            ByteArrayOutputStream head = http10 ? new ByteArrayOutputStream() : null;
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (SocketTimeoutException tick) {
                    if (idleTooLong()) {
                        idleClosed.incrementAndGet();
                        LOG.debug("Sandbox front: closing a connection idle for {}", idleTimeout);
                        return;
                    }
                    continue;
                }
                if (n < 0) {
                    return;
                }
                lastFromClient.set(System.nanoTime());
                if (head != null) {
                    head.write(buffer, 0, n);
                    byte[] bytes = head.toByteArray();
                    int end = indexOf(bytes, HEAD_END);
                    if (end < 0 && bytes.length < MAX_HEAD) {
                        continue;
                    }
                    // One request per connection, as HTTP/1.0 without keep-alive: the server closes after answering.
                    int split = end < 0 ? bytes.length : end + HEAD_END.length;
                    out.write(rewriteHead(new String(bytes, 0, split, StandardCharsets.ISO_8859_1)));
                    out.write(bytes, split, bytes.length - split);
                    head = null;
                } else {
                    out.write(buffer, 0, n);
                }
                out.flush();
            }
        }

        private boolean idleTooLong() {
            long fromServer = lastFromServer.get();
            boolean requestInFlight = lastFromClient.get() > fromServer;
            return !requestInFlight && System.nanoTime() - fromServer >= idleTimeout.toNanos();
        }

        /** Server to client; the end of the server's stream closes the client's connection. */
        void pumpBack() {
            try (client) {
                InputStream in = server.getInputStream();
                OutputStream out = client.getOutputStream();
                byte[] buffer = new byte[16 * 1024];
                ByteArrayOutputStream head = http10 ? new ByteArrayOutputStream() : null;
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    lastFromServer.set(System.nanoTime());
                    if (head != null) {
                        head.write(buffer, 0, n);
                        byte[] bytes = head.toByteArray();
                        int end = indexOf(bytes, HEAD_END);
                        if (end < 0) {
                            continue;
                        }
                        out.write(rewriteHead(new String(bytes, 0, end + HEAD_END.length,
                                StandardCharsets.ISO_8859_1)));
                        out.write(bytes, end + HEAD_END.length, bytes.length - end - HEAD_END.length);
                        head = null;
                    } else {
                        out.write(buffer, 0, n);
                    }
                    out.flush();
                }
            } catch (IOException e) {
                LOG.debug("Sandbox front: server side ended: {}", e.getMessage());
            }
        }
    }

    /** The first line says HTTP/1.0 and no Connection header is kept, so neither side hints at keep-alive. */
    static byte[] rewriteHead(String head) {
        String[] lines = head.split("\r\n", -1);
        StringBuilder out = new StringBuilder(head.length());
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i == 0) {
                line = line.replace("HTTP/1.1", "HTTP/1.0");
            } else if (line.regionMatches(true, 0, "Connection:", 0, "Connection:".length())
                    || line.regionMatches(true, 0, "Keep-Alive:", 0, "Keep-Alive:".length())) {
                continue;
            }
            out.append(line);
            if (i < lines.length - 1) {
                out.append("\r\n");
            }
        }
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int indexOf(byte[] bytes, byte[] needle) {
        outer:
        for (int i = 0; i <= bytes.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            LOG.debug("Closing the sandbox front: {}", e.getMessage());
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                LOG.debug("Closing a sandbox front connection: {}", e.getMessage());
            }
        }
        threads.shutdownNow();
    }
}
