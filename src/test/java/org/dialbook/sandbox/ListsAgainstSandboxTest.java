package org.dialbook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.dialbook.api.ApiException;
import org.dialbook.api.AuthenticationException;
import org.dialbook.api.BulkResult;
import org.dialbook.api.CampaignList;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.InvalidRequestException;
import org.dialbook.api.ItemOutcome;
import org.dialbook.api.ListMember;
import org.dialbook.api.ListQuery;
import org.dialbook.api.ListUpdate;
import org.dialbook.api.ListsClient;
import org.dialbook.api.ListsQuery;
import org.dialbook.api.NewContact;
import org.dialbook.api.NewList;
import org.dialbook.api.NotFoundException;
import org.dialbook.api.Page;
import org.dialbook.api.RetryPolicy;
import org.dialbook.api.SortBy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The typed ListsClient against the real sandbox: every call and every error it can provoke, the
 * agreement of the Lists endpoints with {@code list_sids} / {@code filter=show_list}, the cap,
 * persistence, and faults.
 */
class ListsAgainstSandboxTest {
    private static final SandboxAccount OTHER = new SandboxAccount("other", "other-key", "other-token");

    private SandboxServer sandbox;
    private ContactsClient contacts;
    private ListsClient lists;

    // By hand: each test picks its own store (memory or a data folder it reopens) and retry policy.
    private void start(SandboxOptions.Builder options, RetryPolicy policy) {
        sandbox = SandboxServer.start(options.port(0).account(SandboxAccount.DEFAULT).account(OTHER).build());
        contacts = ContactsClient.builder(sandbox.connectionSettings()).retryPolicy(policy).sleeper(d -> { })
                .build();
        lists = contacts.lists();
    }

    private void start() {
        start(SandboxOptions.builder().inMemory(), RetryPolicy.none());
    }

    @AfterEach
    void stop() {
        if (contacts != null) {
            contacts.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private List<String> makeContacts(int count) {
        List<NewContact> drafts = IntStream.range(0, count)
                .mapToObj(i -> NewContact.builder(String.format("+9191012%05d", i)).firstName("P" + i).build())
                .toList();
        return contacts.createContacts(drafts).items().stream().map(o -> o.value().sid()).toList();
    }

    @Test
    void createFindRenameAndDeleteAList() {
        start();
        CampaignList made = lists.createList(new NewList("Diwali callers", "festive"));
        assertThat(made.sid()).matches("[0-9a-f]{32}");
        assertThat(made.contactCount()).isZero();
        assertThat(made.tag()).isEqualTo("festive");
        assertThat(made.dateCreated()).isNotNull();

        assertThat(lists.getList(made.sid())).isEqualTo(made);
        assertThat(lists.resolve("diwali CALLERS").sid()).isEqualTo(made.sid());
        assertThat(lists.resolve(made.sid()).name()).isEqualTo("Diwali callers");

        CampaignList renamed = lists.updateList(new ListUpdate(made.sid(), "Diwali 2026", null));
        assertThat(renamed.name()).isEqualTo("Diwali 2026");
        assertThat(renamed.tag()).isEqualTo("festive");
        assertThat(lists.findByName("Diwali callers")).isEmpty();

        CampaignList deleted = lists.deleteList(made.sid());
        assertThat(deleted.name()).isEqualTo("Diwali 2026");
        assertThatThrownBy(() -> lists.getList(made.sid())).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("List not found");
        assertThatThrownBy(() -> lists.resolve("Diwali 2026")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("No list named 'Diwali 2026'");
    }

    @Test
    void namesAreUniquePerAccountIgnoringCaseWithA409PerItem() {
        start();
        lists.createList(NewList.named("VIP callers"));

        BulkResult<CampaignList> result = lists.createLists(List.of(NewList.named("vip callers "),
                NewList.named("Walk-ins"), NewList.named("WALK-INS")));

        assertThat(result.items()).extracting(ItemOutcome::status).containsExactly(ItemOutcome.Status.FAILURE,
                ItemOutcome.Status.SUCCESS, ItemOutcome.Status.FAILURE);
        assertThat(result.failures()).allSatisfy(f -> {
            assertThat(f.httpCode()).isEqualTo(409);
            assertThat(f.error().code()).isEqualTo(1008);
        });
        CampaignList walkIns = result.items().get(1).value();
        assertThatThrownBy(() -> lists.updateList(new ListUpdate(walkIns.sid(), "VIP Callers", null)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(1008);
                });
        // Another account may use the same name.
        try (ContactsClient other = ContactsClient.builder(sandbox.connectionSettings(OTHER))
                .retryPolicy(RetryPolicy.none()).build()) {
            assertThat(other.lists().createList(NewList.named("VIP callers")).name()).isEqualTo("VIP callers");
            assertThatThrownBy(() -> other.lists().getList(walkIns.sid())).isInstanceOf(AuthenticationException.class)
                    .satisfies(e -> assertThat(((ApiException) e).errorCode()).isEqualTo(1003));
        }
    }

    @Test
    void membersAgreeWithListSidsAndShowListOnTheContactsCall() {
        start();
        List<String> sids = makeContacts(25);
        CampaignList list = lists.createList(NewList.named("Callbacks"));
        CampaignList other = lists.createList(NewList.named("Other"));

        List<String> wanted = new ArrayList<>(sids.subList(0, 22));
        wanted.add(sids.get(0));
        wanted.add("ffffffffffffffffffffffffffffffff");
        BulkResult<ListMember> added = lists.addContacts(list.sid(), wanted);
        lists.addContacts(other.sid(), List.of(sids.get(1)));

        assertThat(added.successes()).hasSize(23);
        ItemOutcome<ListMember> unknownContact = added.items().get(23);
        assertThat(unknownContact.status()).isEqualTo(ItemOutcome.Status.FAILURE);
        assertThat(unknownContact.httpCode()).isEqualTo(404);
        assertThat(unknownContact.error().code()).isEqualTo(1000);

        assertThat(lists.getList(list.sid()).contactCount()).isEqualTo(22);
        Page<Contact> firstPage = lists.contacts(list.sid(), 0, 20);
        assertThat(firstPage.total()).isEqualTo(22);
        assertThat(firstPage.items()).hasSize(20);
        Set<String> viaLists = lists.streamContacts(list.sid()).map(Contact::sid).collect(Collectors.toSet());
        Set<String> viaFilter = contacts.streamContacts(ListQuery.firstPage().withListSids(List.of(list.sid())))
                .map(Contact::sid).collect(Collectors.toSet());
        assertThat(viaLists).isEqualTo(new HashSet<>(sids.subList(0, 22))).isEqualTo(viaFilter);

        Contact shown = contacts.listContacts(ListQuery.firstPage().withShowLists(true).withLimit(2)).items().get(1);
        assertThat(shown.lists().toString()).contains("Callbacks", "Other");
        assertThat(lists.allLists(ListsQuery.firstPage())).extracting(CampaignList::name, CampaignList::contactCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Callbacks", 22),
                        org.assertj.core.groups.Tuple.tuple("Other", 1));
    }

    @Test
    void removingAndDeletingLeaveTheContactsInTheBook() {
        start();
        List<String> sids = makeContacts(3);
        CampaignList list = lists.createList(NewList.named("Temp"));
        lists.addContacts(list.sid(), sids);

        assertThat(lists.removeContact(list.sid(), sids.get(0)).contactSid()).isEqualTo(sids.get(0));
        assertThat(lists.getList(list.sid()).contactCount()).isEqualTo(2);
        assertThat(contacts.getContact(sids.get(0)).sid()).isEqualTo(sids.get(0));
        assertThatThrownBy(() -> lists.removeContact(list.sid(), sids.get(0))).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("not in this list");

        assertThat(lists.deleteList(list.sid()).contactCount()).isEqualTo(2);
        assertThat(sandbox.contactCount("sandbox")).isEqualTo(3);
        assertThat(contacts.listContacts(ListQuery.firstPage().withListSids(List.of(list.sid()))).total()).isZero();
        assertThatThrownBy(() -> lists.addContacts(list.sid(), List.of(sids.get(1))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> lists.contacts(list.sid(), 0, 20)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aDeletedContactLeavesItsLists() {
        start();
        List<String> sids = makeContacts(2);
        CampaignList list = lists.createList(NewList.named("L"));
        lists.addContacts(list.sid(), sids);
        contacts.deleteContact(sids.get(0));
        assertThat(lists.getList(list.sid()).contactCount()).isEqualTo(1);
    }

    @Test
    void aFullListRefusesEachContactPastTheCap() {
        start(SandboxOptions.builder().inMemory().maxListSize(3), RetryPolicy.none());
        List<String> sids = makeContacts(5);
        CampaignList list = lists.createList(NewList.named("Small"));

        BulkResult<ListMember> result = lists.addContacts(list.sid(), sids);

        assertThat(result.successes()).hasSize(3);
        assertThat(result.failures()).hasSize(2).allSatisfy(f -> {
            assertThat(f.httpCode()).isEqualTo(400);
            assertThat(f.error().code()).isEqualTo(1002);
            assertThat(f.error().summary()).contains("already holds 3 contacts");
        });
        // Adding one that is already in is still fine when full.
        assertThat(lists.addContacts(list.sid(), List.of(sids.get(0))).allSucceeded()).isTrue();
    }

    @Test
    void bulkUpdateReportsEachItem() {
        start();
        CampaignList a = lists.createList(NewList.named("A"));
        CampaignList b = lists.createList(NewList.named("B"));

        BulkResult<CampaignList> result = lists.updateLists(List.of(new ListUpdate(a.sid(), "A2", "t"),
                new ListUpdate(b.sid(), "a2", null), new ListUpdate("ffffffffffffffffffffffffffffffff", "C", null),
                new ListUpdate(b.sid(), "B", "x")));

        assertThat(result.items().get(0).value().name()).isEqualTo("A2");
        assertThat(result.items().get(1).httpCode()).isEqualTo(409);
        assertThat(result.items().get(2).error().code()).isEqualTo(1000);
        assertThat(result.items().get(3).value().tag()).isEqualTo("x");
        assertThat(lists.allLists(ListsQuery.firstPage().withSortBy(SortBy.parse("name:asc"))))
                .extracting(CampaignList::name).containsExactly("A2", "B");
    }

    @Test
    void allListsPagesSearchesAndSorts() {
        start();
        List<NewList> many = IntStream.range(0, 25).mapToObj(i -> NewList.named(String.format("List %02d", 24 - i)))
                .toList();
        assertThat(lists.createLists(many).allSucceeded()).isTrue();

        Page<CampaignList> first = lists.lists(ListsQuery.firstPage());
        assertThat(first.total()).isEqualTo(25);
        assertThat(first.items()).hasSize(20);
        assertThat(first.items().get(0).name()).isEqualTo("List 24");
        assertThat(lists.lists(ListsQuery.firstPage().withSortBy(SortBy.parse("name:asc"))).items().get(0).name())
                .isEqualTo("List 00");
        assertThat(lists.lists(ListsQuery.firstPage().withName("st 1")).total()).isEqualTo(10);
        assertThat(lists.allLists(ListsQuery.firstPage())).hasSize(25);
    }

    @Test
    void listsAndMembersSurviveARestart(@TempDir Path dir) {
        start(SandboxOptions.builder().dataDir(dir), RetryPolicy.none());
        List<String> sids = makeContacts(2);
        CampaignList list = lists.createList(new NewList("Kept", "t1"));
        lists.addContacts(list.sid(), sids);
        lists.removeContact(list.sid(), sids.get(1));
        stop();

        start(SandboxOptions.builder().dataDir(dir), RetryPolicy.none());
        CampaignList again = lists.resolve("Kept");
        assertThat(again.sid()).isEqualTo(list.sid());
        assertThat(again.tag()).isEqualTo("t1");
        assertThat(again.contactCount()).isEqualTo(1);
        assertThat(lists.streamContacts(list.sid()).map(Contact::sid).toList()).containsExactly(sids.get(0));
        assertThatThrownBy(() -> lists.createList(NewList.named("kept"))).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).httpStatus()).isEqualTo(409));
    }

    @Test
    void demoContactsComeWithAFewLists() {
        start(SandboxOptions.builder().inMemory().demoContacts(200).seed(5), RetryPolicy.none());
        List<CampaignList> all = lists.allLists(ListsQuery.firstPage());
        assertThat(all).extracting(CampaignList::name).contains("VIP callers", "Singapore campaign");
        assertThat(all).allSatisfy(l -> assertThat(l.contactCount()).isPositive());
    }

    @Test
    void underFaultsEveryContactEndsUpInTheListExactlyOnce() {
        start(SandboxOptions.builder().inMemory(), RetryPolicy.of(Duration.ZERO, Duration.ZERO, 8));
        List<String> sids = makeContacts(120);
        try (ContactsClient small = ContactsClient.builder(sandbox.connectionSettings()).maxBatchSize(25)
                .retryPolicy(RetryPolicy.of(Duration.ZERO, Duration.ZERO, 8)).sleeper(d -> { }).build()) {
            sandbox.faults().seed(7).lostResponseFraction(0.15).serverErrorFraction(0.15).item429Fraction(0.15);
            CampaignList list = small.lists().createList(NewList.named("Faulty"));
            BulkResult<ListMember> result = small.lists().addContacts(list.sid(), sids);
            sandbox.faults().reset();

            assertThat(result.allSucceeded()).as("%s", result.items()).isTrue();
            List<String> members = lists.streamContacts(list.sid()).map(Contact::sid).toList();
            assertThat(members).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(sids);
            assertThat(lists.allLists(ListsQuery.firstPage())).hasSize(1);
        }
    }
}
