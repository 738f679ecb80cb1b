package be.uliege.library.registration.desk.ui;

import static be.uliege.library.registration.desk.DeskFixtures.as;
import static be.uliege.library.registration.desk.DeskFixtures.await;
import static be.uliege.library.registration.desk.DeskFixtures.mailsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import be.uliege.library.registration.LibraryDay;
import be.uliege.library.registration.card.Cards;
import be.uliege.library.registration.desk.DeskFixtures;
import be.uliege.library.registration.desk.DeskValidation;
import be.uliege.library.registration.desk.RegistrationRecords;
import be.uliege.library.registration.desk.RegistrationStep;
import be.uliege.library.registration.desk.Renewals;
import be.uliege.library.registration.directory.PatronAccounts;
import be.uliege.library.registration.fee.FeeLine;
import be.uliege.library.registration.fee.FeeStatus;
import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.patron.IdentityDocument;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronHistory;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.contact.ContactKind;
import be.uliege.library.registration.patron.history.HistoryLine;
import be.uliege.library.registration.patron.ui.PatronView;
import be.uliege.library.registration.preregistration.PreRegistrationService;
import be.uliege.library.registration.preregistration.Use;
import be.uliege.library.registration.security.Roles;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.I18NProvider;
import jakarta.mail.internet.MimeMessage;
import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * R-DESK-4…7, R-FEE-2, R-CARD-3…4, R-INT-1 without a browser: the patron's record at the desk
 * shows, after a real registration step, the step (who, when, site, expiry, its welcome mail), the
 * directory account, the fee with its receipt and the card — read-only, in words when there is
 * none — and sends the welcome mail or the receipt again once per click, written in the history.
 */
@SpringBootTest
@WithMockUser(username = "operator", roles = Roles.DESK_OPERATOR)
class PatronRecordSectionsIT extends SpringBrowserlessTest {

    private static final Duration AFTER_COMMIT = Duration.ofSeconds(20);

    @Autowired
    PreRegistrationService registrations;

    @Autowired
    DeskValidation validation;

    @Autowired
    PatronService patrons;

    @Autowired
    Fees fees;

    @Autowired
    RegistrationStep step;

    @Autowired
    RegistrationRecords records;

    @Autowired
    PatronAccounts accounts;

    @Autowired
    PatronHistory history;

    @Autowired
    Cards cards;

    @Autowired
    Renewals renewals;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @SuppressWarnings("unchecked")
    void afterARegistrationStep_theRecordShowsTheStepTheAccountTheFeeAndTheCard_R_DESK_4_R_FEE_2_R_CARD_3() {
        var id = DeskFixtures.readyForRegistration(
                registrations, jdbc, validation, patrons, fees, "Sophie", "Fiche-Vue");
        var outcome = step.register(id, patrons.details(id).version(), "ALP");
        var email = email(outcome.patron());
        await(
                "the welcome mail",
                AFTER_COMMIT,
                () -> "SENT".equals(step.progress(id).welcomeMail()));
        await("the directory account", AFTER_COMMIT, () -> DeskFixtures.accountIs(accounts, id, true));
        cards.print(id, "ALP", Cards.Reason.FIRST, Cards.Printing.CARD_AND_LETTER);

        navigate("patrons/" + id, PatronView.class);

        // The registration step, as the database holds it, read-only.
        Grid<RegistrationRecords.Step> steps =
                $(Grid.class).withId("patron-registrations-grid").single();
        assertThat(steps.getGenericDataView().getItems().toList())
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.kind()).isEqualTo("FIRST");
                    assertThat(s.registeredBy()).isEqualTo("operator");
                    assertThat(s.site()).isEqualTo("ALP");
                    assertThat(s.expirationDate()).isEqualTo(outcome.patron().expirationDate());
                    assertThat(s.mail()).isEqualTo("SENT");
                });
        var done = translate("patron.registrations.account.done");
        assertThat($(Paragraph.class)
                        .withId("patron-directory-account")
                        .single()
                        .getText())
                .startsWith(done.substring(0, done.indexOf("{1}"))
                        .replace("{0}", outcome.account().login()));
        // The fee, paid, with its receipt to print and to mail.
        Grid<FeeLine> fee = $(Grid.class).withId("patron-fees-grid").single();
        var line = fee.getGenericDataView().getItems().toList().getFirst();
        assertThat(fee.getGenericDataView().getItems().toList()).hasSize(1);
        assertThat(line.status()).isEqualTo(FeeStatus.PAID);
        assertThat(line.createdBy()).isEqualTo("operator");
        assertThat(line.settledBy()).isEqualTo("operator");
        var receipt = line.receiptNumber();
        assertThat(receipt).startsWith("ALP-");
        assertThat($(Anchor.class)
                        .withId("patron-receipt-pdf-" + receipt)
                        .single()
                        .getText())
                .contains(receipt);
        // The card printed, with the way to the card screen.
        Grid<Cards.Card> card = $(Grid.class).withId("patron-cards-grid").single();
        assertThat(card.getGenericDataView().getItems().toList())
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.printedBy()).isEqualTo("operator");
                    assertThat(c.reason()).isEqualTo(Cards.Reason.FIRST);
                    assertThat(c.status()).isEqualTo(Cards.Status.PRINTED);
                });
        assertThat($(Anchor.class).withId("patron-cards-open").single().getHref())
                .isEqualTo("cards/" + id);
        // Read-only data: no input box in the new sections.
        for (var section : List.of("patron-registrations", "patron-fees", "patron-cards")) {
            assertThat($(TextField.class)
                            .from($(VerticalLayout.class).withId(section).single())
                            .all())
                    .as(section)
                    .isEmpty();
        }
    }

    @Test
    void theWelcomeMailSentAgain_oncePerClick_evenDoubleClicked_writtenInTheHistory_withoutPassword() throws Exception {
        var id = DeskFixtures.readyForRegistration(registrations, jdbc, validation, patrons, fees, "Marie", "Renvoi");
        var outcome = step.register(id, patrons.details(id).version(), "ALP");
        var email = email(outcome.patron());
        await(
                "the welcome mail",
                AFTER_COMMIT,
                () -> "SENT".equals(step.progress(id).welcomeMail()));

        navigate("patrons/" + id, PatronView.class);
        var resend = $(Button.class).withId("patron-resend-mail").single();
        assertThat(resend.getText()).isEqualTo(translate("patron.registrations.resend.FIRST"));
        test(resend).click();
        // The second click of a double click: the button is disabled, the server takes no second click.
        assertThat(resend.isEnabled()).isFalse();
        assertThat(resend.getText())
                .startsWith(translate("patron.registrations.resent")
                        .substring(0, translate("patron.registrations.resent").indexOf("{0}")));
        assertThatThrownBy(() -> test(resend).click()).isInstanceOf(IllegalStateException.class);

        await(
                "the welcome mail sent again",
                AFTER_COMMIT,
                () -> welcomeMails(email).size() == 2);
        Thread.sleep(1500); // a second mail would have come by now
        assertThat(welcomeMails(email)).hasSize(2);
        var again = welcomeMails(email).getLast();
        assertThat(again.getContent().toString())
                .contains(outcome.patron().primaryIdentifier())
                .doesNotContain(outcome.account().password());
        assertThat(history.lines(id))
                .filteredOn(h -> h.field().equals("welcomeMail")
                        && String.valueOf(h.newValue()).startsWith("sent again"))
                .singleElement()
                .extracting(HistoryLine::changedBy)
                .isEqualTo("operator");
        assertThat(history.lines(id))
                .extracting(HistoryLine::newValue)
                .noneMatch(v -> v != null && v.contains(outcome.account().password()));

        // A new click, on the screen opened again, is a new mail.
        navigate("patrons/" + id, PatronView.class);
        test($(Button.class).withId("patron-resend-mail").single()).click();
        await("the third welcome mail", AFTER_COMMIT, () -> welcomeMails(email).size() == 3);
    }

    @Test
    void theReceiptMailedAgain_oncePerClick_writtenInTheHistory_R_FEE_2() throws Exception {
        var id = DeskFixtures.readyForRegistration(
                registrations, jdbc, validation, patrons, fees, "Anne", "Reçu-Renvoi");
        var email = email(patrons.details(id));
        var receipt = fees.forPatron(id).getFirst().receiptNumber();

        navigate("patrons/" + id, PatronView.class);
        var mail = $(Button.class).withId("patron-receipt-mail-" + receipt).single();
        test(mail).click();
        assertThat(mail.isEnabled()).isFalse();
        assertThatThrownBy(() -> test(mail).click()).isInstanceOf(IllegalStateException.class);
        await("the receipt mailed", AFTER_COMMIT, () -> mailsTo(email, receipt).size() == 1);
        Thread.sleep(1500);
        assertThat(mailsTo(email, receipt)).hasSize(1);
        assertThat(history.lines(id))
                .filteredOn(h -> h.field().equals("receipt"))
                .singleElement()
                .satisfies(h -> {
                    assertThat(h.changedBy()).isEqualTo("operator");
                    assertThat(h.newValue()).contains(receipt);
                });
    }

    @Test
    @SuppressWarnings("unchecked")
    void afterARenewal_theRenewalMailIsSentAgain_inThePatronsLanguageNow_R_DESK_7() throws Exception {
        var id = DeskFixtures.readyForRegistration(
                registrations, jdbc, validation, patrons, fees, "Olga", "Renouvelée-Fiche");
        step.register(id, patrons.details(id).version(), "ALP");
        var email = email(patrons.details(id));
        await(
                "the welcome mail",
                AFTER_COMMIT,
                () -> "SENT".equals(step.progress(id).welcomeMail()));
        await("the directory account", AFTER_COMMIT, () -> DeskFixtures.accountIs(accounts, id, true));
        jdbc.update(
                "update patron set expiration_date = ? where id = ?",
                Date.valueOf(LibraryDay.today().minusDays(1)),
                id);
        var renewed = renewals.renew(id, patrons.details(id).version(), IdentityDocument.PASSPORT, "BSV");
        await(
                "the renewal mail",
                AFTER_COMMIT,
                () -> "SENT".equals(step.progress(id).welcomeMail()));
        assertThat(mailsTo(email, "prolongée")).hasSize(1);
        // The patron now reads English: the mail sent again is in English.
        jdbc.update("update patron set preferred_language = 'ENG' where id = ?", id);

        navigate("patrons/" + id, PatronView.class);
        Grid<RegistrationRecords.Step> steps =
                $(Grid.class).withId("patron-registrations-grid").single();
        assertThat(steps.getGenericDataView().getItems().toList())
                .extracting(RegistrationRecords.Step::kind, RegistrationRecords.Step::site)
                .containsExactly(tuple("RENEWAL", "BSV"), tuple("FIRST", "ALP"));
        assertThat(steps.getGenericDataView().getItems().toList().getFirst().expirationDate())
                .isEqualTo(renewed.patron().expirationDate());
        var resend = $(Button.class).withId("patron-resend-mail").single();
        assertThat(resend.getText()).isEqualTo(translate("patron.registrations.resend.RENEWAL"));
        test(resend).click();

        await(
                "the renewal mail sent again",
                AFTER_COMMIT,
                () -> mailsTo(email, "is renewed").size() == 1);
        assertThat(mailsTo(email, "is renewed").getFirst().getContent().toString())
                .contains(renewed.patron().primaryIdentifier())
                .doesNotContain(renewed.account().password());
        assertThat(mailsTo(email, "prolongée")).hasSize(1);
        assertThat(welcomeMails(email))
                .as("never the welcome mail after a renewal")
                .hasSize(1);
        assertThat(history.lines(id))
                .filteredOn(h -> h.field().equals("renewalMail")
                        && String.valueOf(h.newValue()).startsWith("sent again"))
                .singleElement()
                .extracting(HistoryLine::changedBy)
                .isEqualTo("operator");
    }

    @Test
    void withoutAnEmailAddress_theResendIsRefusedInWords_andTheReceiptIsToPrint() {
        var id = DeskFixtures.readyForRegistration(
                registrations, jdbc, validation, patrons, fees, "Ida", "Sans-Courriel");
        var outcome = step.register(id, patrons.details(id).version(), "ALP");
        var email = email(outcome.patron());
        await(
                "the welcome mail",
                AFTER_COMMIT,
                () -> "SENT".equals(step.progress(id).welcomeMail()));
        navigate("patrons/" + id, PatronView.class);
        // The address goes meanwhile (an imported record, a colleague's change).
        jdbc.update("delete from contact_item where patron_id = ? and kind = 'EMAIL'", id);

        var resend = $(Button.class).withId("patron-resend-mail").single();
        test(resend).click();
        assertThat(test($(Notification.class).withId("patron-resend-error").single())
                        .getText())
                .isEqualTo(translate("rule.mail.resend-no-email"));
        assertThat(resend.isEnabled())
                .as("the operator may try again once the address is added")
                .isTrue();
        assertThat(welcomeMails(email)).hasSize(1);
        assertThat(history.lines(id))
                .noneMatch(h -> String.valueOf(h.newValue()).startsWith("sent again"));

        navigate("patrons/" + id, PatronView.class);
        var receipt = fees.forPatron(id).getFirst().receiptNumber();
        assertThat($(Button.class).withId("patron-receipt-mail-" + receipt).all())
                .isEmpty();
        assertThat($(VerticalLayout.class)
                        .withId("patron-fees")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .contains(translate("patron.fees.no-email"));
    }

    @Test
    void withoutRegistrationFeeOrCard_eachSectionSaysSoInWords() {
        var entry = DeskFixtures.confirmed(registrations, jdbc, "Nina", "Rien-Encore", Use.PRIVATE);
        navigate("patrons/" + entry.patronId(), PatronView.class);
        assertThat($(Paragraph.class)
                        .withId("patron-registrations-none")
                        .single()
                        .getText())
                .isEqualTo(translate("patron.registrations.none"));
        assertThat($(Paragraph.class).withId("patron-fees-none").single().getText())
                .isEqualTo(translate("patron.fees.none"));
        assertThat($(Paragraph.class).withId("patron-cards-none").single().getText())
                .isEqualTo(translate("patron.cards.none"));
        assertThat($(Paragraph.class)
                        .withId("patron-directory-account")
                        .single()
                        .getText())
                .isEqualTo(translate("patron.registrations.account.none"));
        assertThat($(Button.class).withId("patron-resend-mail").all()).isEmpty();
    }

    @Test
    void onlyDeskOperatorsSendAMailAgain() {
        var id = DeskFixtures.readyForRegistration(
                registrations, jdbc, validation, patrons, fees, "Eva", "Pas-Autorisée");
        var outcome = step.register(id, patrons.details(id).version(), "ALP");
        await(
                "the welcome mail",
                AFTER_COMMIT,
                () -> welcomeMails(email(outcome.patron())).size() == 1);
        assertThatThrownBy(() -> as(
                        "admin",
                        () -> {
                            records.resendMail(id, outcome.registrationId());
                            return null;
                        },
                        Roles.USER_ADMINISTRATOR))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(welcomeMails(email(outcome.patron()))).hasSize(1);
    }

    @Test
    void aFailingDirectoryAccountIsSaidInWords_withItsAttempts_R_INT_1() {
        var box = new Span();
        var unreachable = new PatronAccounts.Status(
                "B123456", PatronAccounts.State.PENDING, Instant.now(), null, 3, "server down", true);
        assertThat(PatronRegistrationsSection.account(box, unreachable))
                .contains("B123456")
                .contains(translate("patron.registrations.error.unreachable"))
                .contains("3");
        var refused = new PatronAccounts.Status(
                "B123456", PatronAccounts.State.PENDING, Instant.now(), null, 1, "insufficient access rights", true);
        assertThat(PatronRegistrationsSection.account(box, refused))
                .contains(translate("patron.registrations.error.refused").replace("{0}", "insufficient access rights"));
        var waiting =
                new PatronAccounts.Status("B123456", PatronAccounts.State.PENDING, Instant.now(), null, 0, null, true);
        assertThat(PatronRegistrationsSection.account(box, waiting))
                .startsWith(translate("patron.registrations.account.pending")
                        .substring(
                                0,
                                translate("patron.registrations.account.pending")
                                        .indexOf("{0}")));
    }

    private static String email(PatronDetails patron) {
        return patron.contacts().stream()
                .filter(c -> c.kind() == ContactKind.EMAIL)
                .findFirst()
                .orElseThrow()
                .display();
    }

    private static List<MimeMessage> welcomeMails(String email) {
        return mailsTo(email, "Bienvenue");
    }

    private static String translate(String key) {
        return I18NProvider.translate(key);
    }
}
