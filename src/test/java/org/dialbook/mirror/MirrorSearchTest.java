package org.dialbook.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.dialbook.api.Contact;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search over a mirror filled by a real sync from the sandbox: every field, any number format. */
class MirrorSearchTest {
    @TempDir
    static Path data;
    static MirrorFixture fixture;
    static Mirror mirror;

    @BeforeAll
    static void syncFifty() {
        fixture = new MirrorFixture(data);
        fixture.seed(50);
        mirror = fixture.openMirror();
        fixture.sync(mirror).run(MirrorSync.Mode.FULL, progress -> { }, () -> false);
    }

    @AfterAll
    static void close() {
        mirror.close();
        fixture.close();
    }

    private static List<String> numbers(MirrorQuery query) {
        return mirror.search(query, 0, 20).stream().map(Contact::number).toList();
    }

    @Test
    void numberFragmentInAnyFormatFindsTheContact() {
        assertThat(numbers(MirrorQuery.text("00042"))).containsExactly("+919810000042");
        assertThat(numbers(MirrorQuery.text("+91 98100 00042"))).containsExactly("+919810000042");
        assertThat(numbers(MirrorQuery.text("98100-00042"))).containsExactly("+919810000042");
        assertThat(numbers(MirrorQuery.text("(981) 000.0042"))).containsExactly("+919810000042");
        assertThat(mirror.count(MirrorQuery.text("981000000"))).isEqualTo(10);
    }

    @Test
    void eachFieldIsSearchedBySubstringInAnyCase() {
        assertThat(numbers(MirrorQuery.text("person17"))).containsExactly("+919810000017");
        assertThat(numbers(MirrorQuery.text("AMILY6"))).hasSize(7).contains("+919810000006");
        assertThat(mirror.count(MirrorQuery.text("company 2"))).isEqualTo(16);
        assertThat(numbers(MirrorQuery.text("p33@example"))).containsExactly("+919810000033");
        assertThat(mirror.count(MirrorQuery.text("tag4"))).isEqualTo(10);
        assertThat(numbers(MirrorQuery.text("city21"))).containsExactly("+919810000021");
        assertThat(numbers(MirrorQuery.text("Person2 family1"))).containsExactly("+919810000022", "+919810000029");
    }

    @Test
    void shortTermsMatchAnywhereAsLongerOnesDo() {
        // Every number starts "+91": a prefix scan would find nothing for "98" or "42".
        assertThat(mirror.count(MirrorQuery.text("98"))).isEqualTo(50);
        assertThat(numbers(MirrorQuery.text("42"))).containsExactly("+919810000042");
        assertThat(mirror.count(MirrorQuery.text("9"))).isEqualTo(50);
        assertThat(mirror.count(MirrorQuery.text("+9"))).isEqualTo(50);
        assertThat(numbers(MirrorQuery.text("(42)"))).containsExactly("+919810000042");
        // Inside an e-mail, a name and a tag, in any case.
        assertThat(mirror.count(MirrorQuery.text("0@"))).isEqualTo(5);
        assertThat(mirror.count(MirrorQuery.text("p4"))).isEqualTo(11);
        assertThat(mirror.count(MirrorQuery.text("Y6"))).isEqualTo(7);
        assertThat(mirror.count(MirrorQuery.text("g3").withTag("tag3"))).isEqualTo(10);
        assertThat(mirror.count(MirrorQuery.text("zz"))).isZero();
        // LIKE's wildcards are plain characters here.
        assertThat(mirror.count(MirrorQuery.text("%"))).isZero();
        assertThat(mirror.count(MirrorQuery.text("_"))).isZero();
    }

    @Test
    void aShortTermPagesLikeALongOne() {
        assertThat(numbers(MirrorQuery.text("98"))).hasSize(20).startsWith("+919810000000", "+919810000001");
        assertThat(mirror.search(MirrorQuery.text("98"), 40, 20)).hasSize(10);
    }

    @Test
    void filtersAndSortCombineWithText() {
        MirrorQuery query = MirrorQuery.text("person").withTag("TAG1").withCompany("company 0")
                .sortedBy(MirrorSort.NUMBER, true);
        assertThat(numbers(query)).containsExactly("+919810000018", "+919810000015", "+919810000012");
        assertThat(mirror.count(query)).isEqualTo(3);
    }

    @Test
    void pagesFollowTheMirrorOrderWhichIsDateCreated() {
        List<String> second = numbers(MirrorQuery.text("example.com")).subList(0, 3);
        assertThat(second).containsExactly("+919810000000", "+919810000001", "+919810000002");
        assertThat(mirror.search(MirrorQuery.text("example.com"), 40, 20)).hasSize(10);
    }

    @Test
    void jsonIsTheApiContactObject() {
        var json = mirror.searchJson(MirrorQuery.text("person7 "), 0, 20).stream()
                .filter(o -> o.get("first_name").getAsString().equals("Person7")).findFirst().orElseThrow();
        var live = fixture.client.listContactsJson(org.dialbook.api.ListQuery.firstPage().withName("Person7"))
                .items().stream().filter(o -> o.get("first_name").getAsString().equals("Person7")).findFirst()
                .orElseThrow();
        assertThat(json).isEqualTo(live);
    }

    @Test
    void listMembershipsFilterTheSearch() {
        List<Contact> firstThree = mirror.search(MirrorQuery.text("person"), 0, 3);
        mirror.lists().replaceMembers("list1", firstThree.stream().map(Contact::sid).toList(), "2026-12-01T00:00:00Z");
        assertThat(mirror.count(MirrorQuery.text(null).withList("list1"))).isEqualTo(3);
        assertThat(mirror.listsOf(firstThree.get(0).sid())).containsExactly("list1");
        mirror.lists().replaceMembers("list1", List.of(firstThree.get(1).sid()), "2026-12-01T00:00:00Z");
        assertThat(mirror.listsOf(firstThree.get(0).sid())).isEmpty();
    }

    @Test
    void exactNumberLookupForDuplicates() {
        assertThat(mirror.withNumber("+919810000005")).extracting(Contact::firstName).containsExactly("Person5");
        assertThat(mirror.withNumber("+919810099999")).isEmpty();
    }

    @Test
    void theFileIsPrivateToTheUser() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(mirror.file()))).isEqualTo("rw-------");
        assertThat(mirror.file().getParent()).isEqualTo(data.resolve("mirror"));
    }
}
