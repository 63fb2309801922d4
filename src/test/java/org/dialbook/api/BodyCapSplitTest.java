package org.dialbook.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.dialbook.sandbox.SandboxRequest;
import org.dialbook.sandbox.SandboxServer;
import org.dialbook.testing.InProcessSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A batch over the server's body cap is halved until it fits, instead of failing whole with 413:
 * contacts and the Lists API's bulk calls alike, since one sender sends both.
 */
class BodyCapSplitTest {
    @RegisterExtension
    final InProcessSandbox fixture = InProcessSandbox.inMemory().with(options -> options.maxBodyBytes(16 * 1024));

    @Test
    void aBatchOverTheBodyCapIsHalvedUntilItFitsAndLaterBatchesStartAtTheSizeThatFit() {
        SandboxServer sandbox = fixture.server();
        ContactsClient client = fixture.client();
        List<NewContact> contacts = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            contacts.add(NewContact.builder(String.format("+9191012%05d", i)).firstName("Person " + i).build());
        }

        BulkResult<Contact> first = client.createContacts(contacts.subList(0, 500));
        int afterFirst = sandbox.requests().size();
        BulkResult<Contact> second = client.createContacts(contacts.subList(500, 1000));

        assertThat(first.successes()).hasSize(500);
        assertThat(second.successes()).hasSize(500);
        assertThat(first.items()).extracting(item -> item.value().number())
                .isEqualTo(contacts.subList(0, 500).stream().map(NewContact::number).toList());
        assertThat(sandbox.contactCount(sandbox.defaultAccount().accountSid())).isEqualTo(1000);
        List<SandboxRequest> requests = sandbox.requests();
        assertThat(requests.subList(0, afterFirst)).extracting(SandboxRequest::status).contains(413);
        // The second call already knows what fits: no 413 at all.
        assertThat(requests.subList(afterFirst, requests.size())).extracting(SandboxRequest::status)
                .containsOnly(207);
    }

    @Test
    void aListAddOverTheBodyCapIsHalvedUntilItFits() {
        SandboxServer sandbox = fixture.server();
        ContactsClient client = fixture.client();
        List<NewContact> contacts = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            contacts.add(NewContact.builder(String.format("+9191013%05d", i)).build());
        }
        List<String> sids = client.createContacts(contacts).successes().stream()
                .map(outcome -> outcome.value().sid()).toList();
        CampaignList list = client.lists().createList(NewList.named("Over the cap"));
        int before = sandbox.requests().size();

        // 600 references of about 50 bytes each: about twice the 16 KB cap.
        BulkResult<ListMember> added = client.lists().addContacts(list.sid(), sids);

        assertThat(sids).hasSize(600);
        assertThat(added.successes()).hasSize(600);
        assertThat(added.items()).extracting(ItemOutcome::index)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 600).boxed().toList());
        List<SandboxRequest> requests = sandbox.requests();
        assertThat(requests.subList(before, requests.size())).extracting(SandboxRequest::status)
                .contains(413).contains(207);
        assertThat(client.lists().contacts(list.sid(), 0, 20).total()).isEqualTo(600);
    }
}
