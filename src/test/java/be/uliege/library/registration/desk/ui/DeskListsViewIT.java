package be.uliege.library.registration.desk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.desk.ListFixtures;
import be.uliege.library.registration.directory.PendingAccounts;
import be.uliege.library.registration.patron.PatronLists;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.PatronStatus;
import be.uliege.library.registration.security.Roles;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.i18n.I18NProvider;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Issue 15 at the desk: the lists screen names each list's count in its tab, shows this desk's
 * patrons with a link to their record, and the directory work pending with its last error in words
 * and a "retry now" that says what it did.
 */
@SpringBootTest
@WithMockUser(username = "operator", roles = Roles.DESK_OPERATOR)
class DeskListsViewIT extends SpringBrowserlessTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Brussels"));

    @Autowired
    PatronService patrons;

    @Autowired
    PatronLists lists;

    @Autowired
    PendingAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    String tabLabel(String name) {
        return $(Tab.class).withId("lists-" + name + "-tab").single().getLabel();
    }

    @Test
    @SuppressWarnings("unchecked")
    @DisplayName("Issue 15: each tab names its count; a row's identifier opens the record")
    void theTabsNameTheirCounts_andRowsLinkToTheRecord() {
        var tag = ListFixtures.tag();
        var first = TODAY.withDayOfMonth(1);
        var expiring = ListFixtures.patron(
                patrons,
                jdbc,
                "Aaa-Vue-" + tag,
                PatronStatus.ACTIVE,
                TODAY,
                first,
                TODAY.with(TemporalAdjusters.lastDayOfMonth()).plusYears(1),
                true);

        navigate("desk/lists", DeskListsView.class);

        assertThat(tabLabel("expiring"))
                .isEqualTo(I18NProvider.translate(
                        "lists.expiring.count", lists.expiringThisMonth(0).total()));
        assertThat(tabLabel("expired"))
                .isEqualTo(I18NProvider.translate(
                        "lists.expired.count", lists.expired(0).total()));
        assertThat(tabLabel("inactive"))
                .isEqualTo(I18NProvider.translate(
                        "lists.inactive.count", lists.inactive(0).total()));
        assertThat(tabLabel("directory"))
                .isEqualTo(I18NProvider.translate(
                        "lists.directory.count", accounts.pending(0).total()));
        assertThat(tabLabel("mails")).startsWith(I18NProvider.translate("lists.mails"));

        Grid<PatronLists.Listed> grid =
                $(Grid.class).withId("lists-expiring-grid").single();
        assertThat(grid.getGenericDataView().getItems().map(PatronLists.Listed::identifier))
                .contains(expiring.primaryIdentifier());
        var index = grid.getGenericDataView()
                .getItems()
                .map(PatronLists.Listed::identifier)
                .toList()
                .indexOf(expiring.primaryIdentifier());
        var link = (Anchor) test(grid).getCellComponent(index, 0);
        assertThat(link.getText()).isEqualTo(expiring.primaryIdentifier());
        assertThat(link.getHref()).isEqualTo("patrons/" + expiring.id());
        assertThat($(Button.class).withId("lists-expiring-previous").single().isEnabled())
                .isFalse();
    }

    @Test
    @DisplayName(
            "R-INT-1: a refused directory write shows the directory's answer in words, and retry now says what it did")
    void aRefusedDirectoryWriteShowsItsLastErrorAndCanBeRetried() {
        var tag = ListFixtures.tag();
        var patron = ListFixtures.patron(
                patrons,
                jdbc,
                "Dir-Vue-" + tag,
                PatronStatus.ACTIVE,
                TODAY,
                TODAY.plusYears(1),
                TODAY.plusYears(2),
                true);
        // Hostile text as a directory's answer is shown as text, never as markup.
        var answer = "<script>alert(1)</script> connect error";
        jdbc.update(
                """
                insert into directory_account (patron_id, uid, request_id, state, requested_by, requested_at,
                  attempts, last_error, action, expires_on) values (?, ?, ?, 'PENDING', 'operator', ?, 4, ?, 'WRITE', ?)""",
                patron.id(),
                patron.primaryIdentifier(),
                UUID.randomUUID().toString(),
                Timestamp.from(Instant.parse("2000-01-01T10:00:00Z")),
                answer,
                java.sql.Date.valueOf(TODAY.plusYears(1)));
        try {
            navigate("desk/lists", DeskListsView.class);
            test($(TabSheet.class).single()).select(3);

            @SuppressWarnings("unchecked")
            Grid<PendingAccounts.Pending> grid =
                    $(Grid.class).withId("lists-directory-grid").single();
            var rows = grid.getGenericDataView().getItems().toList();
            int index = rows.indexOf(rows.stream()
                    .filter(a -> a.patronId() == patron.id())
                    .findFirst()
                    .orElseThrow());
            assertThat(rows.get(index).lastError()).isEqualTo(answer);
            assertThat(test(grid).getCellText(index, 3))
                    .isEqualTo(I18NProvider.translate("lists.directory.error", answer, 4));
            var retry = (Button) test(grid).getCellComponent(index, 4);
            assertThat(retry.getId()).hasValue("lists-directory-retry-" + patron.id());
            assertThat(retry.isEnabled()).isTrue();
            test(retry).click();
            // Its publication never failed (the row was written by hand): nothing to resubmit, said in words.
            assertThat(test($(com.vaadin.flow.component.notification.Notification.class)
                                    .last())
                            .getText())
                    .isEqualTo(I18NProvider.translate("lists.retry.NOTHING_FAILED"));
        } finally {
            jdbc.update("delete from directory_account where patron_id = ?", patron.id());
        }
    }
}
