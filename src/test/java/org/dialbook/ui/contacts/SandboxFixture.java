package org.dialbook.ui.contacts;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.ListQuery;
import org.dialbook.api.NewContact;
import org.dialbook.api.RetryPolicy;
import org.dialbook.mirror.Mirror;
import org.dialbook.mirror.MirrorFiles;
import org.dialbook.sandbox.SandboxOptions;
import org.dialbook.sandbox.SandboxServer;
import org.dialbook.ui.ActiveConnection;

/**
 * A real in-memory sandbox and a client for it, with a small known set of contacts: "Person NN"
 * named first names, half of them tagged "even".
 */
public final class SandboxFixture implements AutoCloseable {
    public final SandboxServer server;
    public final ContactsClient client;

    private SandboxFixture(SandboxServer server) {
        this.server = server;
        this.client = ContactsClient.builder(server.connectionSettings()).retryPolicy(RetryPolicy.none()).build();
    }

    public static SandboxFixture start() {
        return new SandboxFixture(SandboxServer.start(SandboxOptions.builder().port(0).inMemory().build()));
    }

    /** Deletes everything, then creates {@code count} contacts named Alpha00, Alpha01, …. */
    public List<Contact> reset(int count) {
        server.faults().reset();
        List<String> existing = client.streamContacts(ListQuery.firstPage()).map(Contact::sid).toList();
        existing.forEach(client::deleteContact);
        List<NewContact> contacts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            contacts.add(NewContact.builder(String.format("+9198100%05d", i))
                    .firstName(String.format("Alpha%02d", i))
                    .lastName(i % 3 == 0 ? "Rao" : "Iyer")
                    .companyName("Acme")
                    .tag(i % 2 == 0 ? "even" : "odd")
                    .build());
        }
        return client.createContacts(contacts).items().stream().map(item -> item.value()).collect(Collectors.toList());
    }

    /**
     * What the window opens for this sandbox, as the desktop does: a client of its own and the
     * account's mirror under {@code home}, both closed with the connection.
     */
    public ActiveConnection connectionWithMirror(Path home) {
        ContactsClient own = ContactsClient.builder(server.connectionSettings()).retryPolicy(RetryPolicy.none()).build();
        Mirror mirror = new MirrorFiles(home, Clock.systemUTC()).open(server.connectionSettings());
        return new ActiveConnection(own, "Sandbox", "Local sandbox", true, "IN", () -> {
            own.close();
            mirror.close();
        }, mirror);
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
