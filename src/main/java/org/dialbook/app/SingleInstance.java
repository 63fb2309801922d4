package org.dialbook.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.dialbook.ui.Activations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One desktop window per user and data folder. The first launch holds a lock on a file in the data
 * folder and listens on a loopback port written there, with a random token; a second launch finds
 * the lock taken, hands its arguments (a CSV path) to the first over that port, and exits. The first
 * brings its window to the front and opens the file. So a second launch never opens the sandbox's
 * database (which only one process may hold) and never overwrites the saved window size.
 */
final class SingleInstance implements Activations, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SingleInstance.class);
    static final String FILE = "instance.lock";

    private final FileChannel channel;
    private final FileLock lock;
    private final ServerSocket server;
    private final String token;
    private final ExecutorService acceptor;
    private volatile Consumer<List<Path>> handler = files -> { };

    private SingleInstance(FileChannel channel, FileLock lock, ServerSocket server, String token) {
        this.channel = channel;
        this.lock = lock;
        this.server = server;
        this.token = token;
        this.acceptor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dialbook-instance");
            thread.setDaemon(true);
            return thread;
        });
        acceptor.execute(this::serve);
    }

    /**
     * Becomes the one instance for {@code dataDir}, or, when another already is, hands it the files and
     * returns empty.
     *
     * @throws IOException when neither works (the folder cannot be written, the other does not answer)
     */
    static Optional<SingleInstance> claim(Path dataDir, List<Path> files) throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            handOver(file, files);
            return Optional.empty();
        }
        ownerOnly(file);
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((server.getLocalPort() + "\n" + token + "\n")
                .getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(true);
        return Optional.of(new SingleInstance(channel, lock, server, token));
    }

    @Override
    public void onActivate(Consumer<List<Path>> action) {
        handler = action;
    }

    private static void handOver(Path file, List<Path> files) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.size() < 2) {
            throw new IOException("Dialbook is starting in another window; try again in a moment");
        }
        int port = Integer.parseInt(lines.get(0).trim());
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                PrintWriter out = new PrintWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.UTF_8))) {
            socket.setSoTimeout(5000);
            out.println(lines.get(1).trim());
            for (Path path : files) {
                out.println(path.toAbsolutePath());
            }
            out.println();
            out.flush();
            if (!"OK".equals(in.readLine())) {
                throw new IOException("the running Dialbook did not accept the hand-over");
            }
        }
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept();
                    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                            StandardCharsets.UTF_8));
                    PrintWriter out = new PrintWriter(new OutputStreamWriter(socket.getOutputStream(),
                            StandardCharsets.UTF_8))) {
                socket.setSoTimeout(5000);
                if (!token.equals(in.readLine())) {
                    // Anything else on this machine may knock; only a launch that could read our lock file gets in.
                    continue;
                }
                List<Path> files = new ArrayList<>();
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    files.add(Path.of(line));
                }
                out.println("OK");
                out.flush();
                LOG.info("Another launch handed over {} file(s); bringing the window to the front", files.size());
                handler.accept(List.copyOf(files));
            } catch (IOException | RuntimeException e) {
                if (!server.isClosed()) {
                    LOG.warn("A second launch could not hand over: {}", e.getMessage());
                }
            }
        }
    }

    private static void ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Windows: the folder's own permissions protect the token.
            LOG.debug("Could not restrict {}: {}", file, e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            acceptor.shutdownNow();
            lock.release();
            channel.close();
        } catch (IOException e) {
            LOG.debug("Releasing the instance lock failed", e);
        }
    }
}
