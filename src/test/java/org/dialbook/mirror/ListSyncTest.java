package org.dialbook.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.dialbook.api.CampaignList;
import org.dialbook.api.Contact;
import org.dialbook.api.ListUpdate;
import org.dialbook.api.ListsClient;
import org.dialbook.api.NewList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mirror's lists against the in-process sandbox: filled by a sync, changed behind the app's back
 * (straight through the API, not through the mirror) and caught by the next sync, and searched by
 * list without a call.
 */
class ListSyncTest {
    @TempDir
    Path data;
    MirrorFixture fixture;
    ListsClient lists;

    @BeforeEach
    void start() {
        fixture = new MirrorFixture(data);
        lists = fixture.client.lists();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private ListSync listSync(Mirror mirror) {
        return new ListSync(mirror, ListSync.Source.of(lists), ReadGate.unlimited(), fixture.time);
    }

    private static List<String> sids(List<Contact> contacts) {
        return contacts.stream().map(Contact::sid).toList();
    }

    @Test
    void aSyncFillsListsAndMembersAndOutsideChangesAppearAfterTheNext() {
        List<Contact> seeded = fixture.seed(45);
        CampaignList diwali = lists.createList(NewList.named("Diwali callers"));
        CampaignList vip = lists.createList(NewList.named("VIP"));
        lists.addContacts(diwali.sid(), sids(seeded.subList(0, 25)));
        lists.addContacts(vip.sid(), sids(seeded.subList(40, 42)));
        try (Mirror mirror = fixture.openMirror()) {
            fixture.sync(mirror).run(MirrorSync.Mode.FULL, p -> { }, () -> false);
            ListSync.Result first = listSync(mirror).run(false, () -> false);
            assertThat(first.cancelled()).isFalse();
            assertThat(first.walked()).isEqualTo(2);
            assertThat(first.reads()).as("one read of the lists, two pages of Diwali, one of VIP").isEqualTo(4);
            assertThat(mirror.lists().all()).extracting(CampaignList::name, CampaignList::contactCount)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Diwali callers", 25),
                            org.assertj.core.groups.Tuple.tuple("VIP", 2));
            assertThat(mirror.lists().knowsMembers(diwali.sid())).isTrue();
            assertThat(mirror.count(MirrorQuery.text(null).withList(diwali.sid()))).isEqualTo(25);
            assertThat(mirror.lists().withNames(List.of(seeded.get(0))).get(0).lists().toString())
                    .contains("Diwali callers").doesNotContain("VIP");

            // Behind the app's back: one in, one out of Diwali (count unchanged), VIP renamed, a new list.
            lists.removeContact(diwali.sid(), seeded.get(0).sid());
            lists.addContacts(diwali.sid(), List.of(seeded.get(30).sid()));
            lists.updateList(new ListUpdate(vip.sid(), "VIP 2026", null));
            CampaignList late = lists.createList(NewList.named("Late joiners"));
            lists.addContacts(late.sid(), List.of(seeded.get(44).sid()));

            ListSync.Result second = listSync(mirror).run(false, () -> false);
            assertThat(second.cancelled()).isFalse();
            assertThat(mirror.lists().all()).extracting(CampaignList::name)
                    .containsExactly("Diwali callers", "Late joiners", "VIP 2026");
            assertThat(mirror.lists().members(late.sid())).containsExactly(seeded.get(44).sid());
            // Diwali's count did not change, so the slow sweep (smallest-walked-longest-ago) catches it.
            listSync(mirror).run(false, () -> false);
            listSync(mirror).run(false, () -> false);
            assertThat(mirror.lists().members(diwali.sid())).contains(seeded.get(30).sid())
                    .doesNotContain(seeded.get(0).sid()).hasSize(25);

            lists.deleteList(late.sid());
            listSync(mirror).run(false, () -> false);
            assertThat(mirror.lists().find("late joiners")).isEmpty();
            assertThat(mirror.lists().knowsMembers(late.sid())).isFalse();
            assertThat(mirror.listsOf(seeded.get(44).sid())).isEmpty();
        }
    }

    @Test
    void aFullListSyncWalksEveryListAndACancelledWalkKeepsWhatWasKnown() {
        List<Contact> seeded = fixture.seed(30);
        CampaignList diwali = lists.createList(NewList.named("Diwali callers"));
        lists.addContacts(diwali.sid(), sids(seeded.subList(0, 10)));
        try (Mirror mirror = fixture.openMirror()) {
            listSync(mirror).run(false, () -> false);
            assertThat(mirror.lists().memberCount(diwali.sid())).isEqualTo(10);
            assertThat(mirror.size()).as("a walk stores the contacts it read").isEqualTo(10);

            ListSync.Result again = listSync(mirror).run(true, () -> false);
            assertThat(again.walked()).isEqualTo(1);

            lists.addContacts(diwali.sid(), sids(seeded.subList(10, 30)));
            int[] polls = {0};
            ListSync.Result cut = listSync(mirror).run(false, () -> ++polls[0] > 2);
            assertThat(cut.cancelled()).isTrue();
            assertThat(mirror.lists().memberCount(diwali.sid())).isEqualTo(10);
            assertThat(mirror.lists().knowsMembers(diwali.sid())).isTrue();
        }
    }

    @Test
    void theListTableSurvivesReopeningAndOwnWritesUpdateItAtOnce() {
        List<Contact> seeded = fixture.seed(5);
        try (Mirror mirror = fixture.openMirror()) {
            CampaignList made = lists.createList(NewList.named("Fresh"));
            mirror.lists().created(made);
            assertThat(mirror.lists().knowsMembers(made.sid())).as("a list made here is empty").isTrue();
            mirror.lists().added(made.sid(), sids(seeded.subList(0, 3)));
            mirror.lists().removed(made.sid(), List.of(seeded.get(0).sid()));
            assertThat(mirror.lists().find(made.sid()).orElseThrow().contactCount()).isEqualTo(2);
        }
        try (Mirror reopened = fixture.openMirror()) {
            CampaignList fresh = reopened.lists().find("FRESH").orElseThrow();
            assertThat(reopened.lists().knowsMembers(fresh.sid())).isTrue();
            assertThat(reopened.lists().members(fresh.sid())).containsExactlyInAnyOrder(seeded.get(1).sid(),
                    seeded.get(2).sid());
        }
    }
}
