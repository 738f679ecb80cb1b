package be.uliege.library.registration.desk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.PatronContacts;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactUsage;
import be.uliege.library.registration.patron.ui.PatronView;
import be.uliege.library.registration.security.Roles;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.I18NProvider;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * R-DESK-9 without a browser: a colleague who changes one of the two records between the
 * comparison and the confirmation is never overwritten — the screen says so, reads the comparison
 * again, and the next confirmation merges; a very long or hostile identifier is refused in words on
 * the field, nothing compared.
 */
@SpringBootTest
@WithMockUser(
        username = "manager",
        roles = {Roles.DESK_OPERATOR, Roles.DESK_MANAGER})
class PatronMergeViewIT extends SpringBrowserlessTest {

    @Autowired
    PatronService patrons;

    @Autowired
    PatronContacts contacts;

    PatronDetails walkIn(String last) {
        return patrons.registerAtDesk(
                PatronKind.B,
                new PatronDraft(
                        "Inès",
                        last,
                        Gender.F,
                        LocalDate.of(1985, 1, 8),
                        Language.FRE,
                        "Extérieur",
                        "Aucun",
                        null,
                        "PIB: Interlibrary Loan Services",
                        null,
                        null,
                        List.of(
                                ContactDraft.email(
                                        "vue" + UUID.randomUUID().toString().substring(0, 8) + "@example.be",
                                        ContactUsage.PERSONAL),
                                ContactDraft.phone("0475 12 34 56", ContactUsage.MOBILE),
                                ContactDraft.address("Rue de la Cathédrale 12 bte 3", "4000", "Liège", "BE"))));
    }

    @Test
    void rDesk9_aRecordChangedMeanwhileIsSaidSo_andTheNextConfirmationMerges() {
        var kept = walkIn("Vue-Garde");
        var gone = walkIn("Vue-Part");
        navigate("patrons/merge/" + kept.id(), PatronMergeView.class);

        var other = $(TextField.class).withId("merge-other").single();
        for (var hostile : List.of("<b>" + "B".repeat(5_000) + "</b>", "B1\u0000\u202e'; --")) {
            other.setValue(hostile); // past the field's maxlength, as a crafted request would send it
            test($(Button.class).withId("merge-compare").single()).click();
            assertThat(other.isInvalid()).isTrue();
            var shown = hostile.length() > 64 ? hostile.substring(0, 64) + "…" : hostile;
            assertThat(other.getErrorMessage()).isEqualTo(I18NProvider.translate("rule.merge.not-found", shown));
            assertThat($(Button.class).withId("merge-start").exists()).isFalse();
        }

        test(other).setValue(gone.primaryIdentifier());
        test($(Button.class).withId("merge-compare").single()).click();
        assertThat(other.isInvalid()).isFalse();
        // A colleague adds a note to the other record while this screen is open.
        contacts.addNote(gone.id(), patrons.details(gone.id()).version(), "Appel du lecteur");
        test($(Button.class).withId("merge-start").single()).click();
        test($(Button.class).withId("merge-confirm").single()).click();
        assertThat(test($(Notification.class).withId("patron-changed-meanwhile").single())
                        .getText())
                .isEqualTo(I18NProvider.translate("merge.changed-meanwhile"));
        assertThat(patrons.details(gone.id()).notes()).hasSize(1);

        // Read again as it is now: the next confirmation merges, the colleague's note included.
        test($(Button.class).withId("merge-start").single()).click();
        test($(Button.class).withId("merge-confirm").single()).click();
        assertThat(getCurrentView()).isInstanceOf(PatronView.class);
        var merged = patrons.details(kept.id());
        assertThat(merged.notes()).anyMatch(n -> n.text().equals("Appel du lecteur"));
        assertThat(merged.identifiers()).anyMatch(i -> i.value().equals(gone.primaryIdentifier()));
    }
}
