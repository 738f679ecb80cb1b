package be.uliege.library.registration.retention.ui;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.desk.DeskFixtures;
import be.uliege.library.registration.patron.ui.PatronView;
import be.uliege.library.registration.preregistration.PreRegistrationService;
import be.uliege.library.registration.preregistration.Use;
import be.uliege.library.registration.retention.PurgeRun;
import be.uliege.library.registration.retention.Retention;
import be.uliege.library.registration.retention.RetentionHolds;
import be.uliege.library.registration.security.Roles;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.sql.Date;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The retention screens without a browser (R-RET-1, R-RET-2): an administrator previews a purge and
 * starts one, which removes the demo patrons past their purge date; a manager holds a patron from
 * the record, with a reason, and lifts the hold; a desk operator sees the purge date and the hold,
 * but neither the actions nor the access files.
 */
@SpringBootTest
class RetentionViewIT extends SpringBrowserlessTest {

    @Autowired
    PreRegistrationService registrations;

    @Autowired
    RetentionHolds holds;

    @Autowired
    Retention retention;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void noPatronOfAnotherRetentionTestIsDue() {
        jdbc.update("delete from patron where purge_date < ?", Date.valueOf(LocalDate.of(2000, 1, 1)));
    }

    @Test
    @WithMockUser(
            username = "admin",
            roles = {Roles.DESK_OPERATOR, Roles.DESK_MANAGER, Roles.USER_ADMINISTRATOR})
    void anAdministratorPreviewsAPurge_thenRunsIt_theDemoPatronsPastTheirPurgeDateGo() throws Exception {
        var entry = DeskFixtures.confirmed(registrations, jdbc, "Aperçu", "Écran", Use.PRIVATE);
        jdbc.update(
                "update patron set expiration_date = '1994-02-01', purge_date = '1998-02-01' where id = ?",
                entry.patronId());
        navigate(RetentionView.class);

        test($(DatePicker.class).id("retention-day")).setValue(LocalDate.of(1998, 2, 2));
        test($(Button.class).id("retention-preview")).click();

        assertThat($(Paragraph.class).id("retention-preview-summary").getText()).contains("(B 1)");
        assertThat($(Anchor.class).id("retention-preview-csv").isVisible()).isTrue();

        // The demo data's patrons past their purge date, previewed on today's date, then purged.
        test($(DatePicker.class).id("retention-day")).setValue(retention.today());
        test($(Button.class).id("retention-preview")).click();
        assertThat($(Paragraph.class).id("retention-preview-summary").getText()).contains("BX 1");
        test($(Button.class).id("retention-purge-now")).click();
        test($(ConfirmDialog.class).first()).confirm();

        PurgeRun run = null;
        for (int i = 0; i < 120 && (run == null || run.status() == PurgeRun.Status.RUNNING); i++) {
            Thread.sleep(250);
            run = retention.runs(1).getFirst();
        }
        assertThat(run.status()).isEqualTo(PurgeRun.Status.COMPLETED);
        assertThat(run.startedBy()).isEqualTo("admin");
        assertThat(run.purged()).isGreaterThanOrEqualTo(4);
        for (var demo : new String[] {"B100006", "B100007", "BX100008", entry.identifier()}) {
            assertThat(jdbc.queryForObject(
                            "select count(*) from patron where primary_identifier = ?", Integer.class, demo))
                    .as(demo)
                    .isZero();
        }
    }

    @Test
    @WithMockUser(
            username = "manager",
            roles = {Roles.DESK_OPERATOR, Roles.DESK_MANAGER})
    void aManagerHoldsAPatronFromTheRecord_withAReason_andLiftsTheHold() {
        var entry = DeskFixtures.confirmed(registrations, jdbc, "Gel", "Depuis-La-Fiche", Use.PRIVATE);
        navigate("patrons/" + entry.patronId(), PatronView.class);

        test($(TextArea.class).id("patron-hold-reason")).setValue("no");
        test($(Button.class).id("patron-hold-set")).click();
        assertThat($(TextArea.class).id("patron-hold-reason").isInvalid())
                .as("too short: said in words, what was typed stays")
                .isTrue();
        assertThat($(TextArea.class).id("patron-hold-reason").getValue()).isEqualTo("no");
        assertThat(holds.of(entry.patronId())).isEmpty();

        test($(TextArea.class).id("patron-hold-reason")).setValue("Contestation d’une amende, dossier 12");
        test($(Button.class).id("patron-hold-set")).click();
        assertThat(holds.of(entry.patronId())).isPresent();
        assertThat($(Paragraph.class).id("patron-hold").getText()).contains("Contestation d’une amende, dossier 12");
        assertThat($(Anchor.class).id("patron-access-pdf").isVisible()).isTrue();

        test($(Button.class).id("patron-hold-lift")).click();
        assertThat(holds.of(entry.patronId())).isEmpty();
    }

    @Test
    @WithMockUser(username = "operator", roles = Roles.DESK_OPERATOR)
    void aDeskOperatorSeesThePurgeDateAndTheHold_notTheActions() {
        var entry = DeskFixtures.confirmed(registrations, jdbc, "Guichet", "Simple", Use.PRIVATE);
        navigate("patrons/" + entry.patronId(), PatronView.class);

        assertThat($(Paragraph.class).id("patron-purge-date").getText()).isNotBlank();
        assertThat($(Paragraph.class).id("patron-hold").getText()).isNotBlank();
        assertThat($(Button.class).withId("patron-hold-set").exists()).isFalse();
        assertThat($(Button.class).withId("patron-erase").exists()).isFalse();
        assertThat($(Anchor.class).withId("patron-access-json").exists()).isFalse();
    }
}
