package be.uliege.library.registration.patron.ui;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.base.Languages;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.IdentityChecks;
import be.uliege.library.registration.patron.IdentityDocument;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.PatronContacts;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.PatronStatus;
import be.uliege.library.registration.patron.PatronSummary;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactKind;
import be.uliege.library.registration.patron.contact.ContactUsage;
import be.uliege.library.registration.security.Roles;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.I18NProvider;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/** The desk's search and record views, without a browser, on the embedded defaults' demo data. */
@SpringBootTest
@WithMockUser(username = "operator", roles = Roles.DESK_OPERATOR)
class PatronViewsIT extends SpringBrowserlessTest {

    @Test
    @SuppressWarnings("unchecked")
    void rId6_searchingAMisspeltAccentNameFindsThePatron_andOpensTheRecord() {
        navigate(PatronSearchView.class);
        test($(TextField.class).single()).setValue("Duprè élodie");
        test($(Button.class).withText(getTranslation("search.submit")).single()).click();

        Grid<PatronSummary> results = $(Grid.class).single();
        var found = results.getGenericDataView().getItems().toList();
        // Other tests may add more Élodie Duprés; the demo student is among the results.
        var student = found.stream()
                .filter(p -> p.primaryIdentifier().equals("S201234"))
                .findFirst()
                .orElseThrow();
        assertThat(found).allSatisfy(p -> assertThat(p.lastName()).startsWith("Dupré"));

        navigate("patrons/" + student.id(), PatronView.class);
        assertThat($(H1.class).single().getText()).isEqualTo("Élodie Dupré · S201234");
    }

    @Test
    @SuppressWarnings("unchecked")
    void rId6_theBeginningOfAnIdentifierFindsPatrons_andTheKindAndStatusFiltersNarrowTheSearch() {
        navigate(PatronSearchView.class);
        test($(TextField.class).single()).setValue("b1000");
        test($(Button.class).withText(getTranslation("search.submit")).single()).click();
        Grid<PatronSummary> results = $(Grid.class).single();
        assertThat(results.getGenericDataView()
                        .getItems()
                        .map(PatronSummary::primaryIdentifier)
                        .toList())
                .contains("B100001", "B100002", "B100003");
        assertThat($(Paragraph.class).withId("search-summary").single().getText())
                .contains(getTranslation("search.as.IDENTIFIER_PREFIX"));

        // The demo's B100002 is inactive, the others active: the status filter keeps the inactive one.
        var status =
                (Select<PatronStatus>) $(Select.class).withId("search-status").single();
        test(status).selectItem(getTranslation("patron.status.INACTIVE"));
        results = $(Grid.class).single();
        assertThat(results.getGenericDataView()
                        .getItems()
                        .map(PatronSummary::primaryIdentifier)
                        .toList())
                .contains("B100002")
                .doesNotContain("B100001", "B100003");

        // A kind filter on a name search: the student Élodie Dupré is not a B patron.
        status.clear(); // "all" again
        var kind = (Select<PatronKind>) $(Select.class).withId("search-kind").single();
        test(kind).selectItem(getTranslation("patron.kind.B"));
        test($(TextField.class).single()).setValue("dupre elodie");
        test($(Button.class).withText(getTranslation("search.submit")).single()).click();
        results = $(Grid.class).single();
        assertThat(results.getGenericDataView()
                        .getItems()
                        .map(PatronSummary::primaryIdentifier)
                        .toList())
                .doesNotContain("S201234");
        test(kind).selectItem(getTranslation("patron.kind.S"));
        results = $(Grid.class).single();
        assertThat(results.getGenericDataView()
                        .getItems()
                        .map(PatronSummary::primaryIdentifier)
                        .toList())
                .contains("S201234");

        // Two characters are not enough: the screen says how many to type.
        kind.clear();
        test($(TextField.class).single()).setValue("S2");
        test($(Button.class).withText(getTranslation("search.submit")).single()).click();
        assertThat($(Paragraph.class).withId("search-summary").single().getText())
                .isEqualTo(getTranslation("search.too-short"));
    }

    @Test
    void rExt1_externalContactItemsAreMarkedAndCannotBeDeleted() {
        navigate(PatronSearchView.class);
        test($(TextField.class).single()).setValue("S201234");
        test($(Button.class).withText(getTranslation("search.submit")).single()).click();
        @SuppressWarnings("unchecked")
        Grid<PatronSummary> results = $(Grid.class).single();
        var id = results.getGenericDataView()
                .getItems()
                .findFirst()
                .orElseThrow()
                .id();

        navigate("patrons/" + id, PatronView.class);
        @SuppressWarnings("unchecked")
        Grid<Object> contacts = $(Grid.class).withId("patron-contacts").single();
        var grid = test(contacts);
        assertThat(grid.size()).isEqualTo(3);
        for (int row = 0; row < grid.size(); row++) {
            var source = (Span) grid.getCellComponent(row, 3);
            assertThat(source.getText()).startsWith("✓");
            assertThat(source.getClassNames()).contains("external-mark");
            // R-EXT-2: an external item is read in full and duplicated, never edited nor deleted.
            var actions = grid.getCellComponent(row, 5)
                    .getChildren()
                    .map(c -> ((Button) c).getText())
                    .toList();
            assertThat(actions)
                    .contains(getTranslation("contact.view"), getTranslation("contact.duplicate"))
                    .doesNotContain(getTranslation("contact.edit"), getTranslation("contact.remove"));
        }
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void rId3_staffAreWarnedWhenARangeIs90PercentUsed() {
        navigate(PatronSearchView.class);
        assertThat($(Paragraph.class).withClassName("warning-text").all()).isEmpty();

        // Numbers only ever grow: moving the B95 sequence forward reuses nothing.
        jdbc.update(
                "update identifier_sequence set next_value = greatest(next_value, 959500) where name = 'PRE_REGISTRATION'");
        navigate(PatronSearchView.class);
        var warnings = $(Paragraph.class).withClassName("warning-text").all();
        assertThat(warnings)
                .singleElement()
                .satisfies(w -> assertThat(w.getText()).contains("B95").contains("95"));
    }

    @Test
    @WithMockUser(
            username = "manager",
            roles = {Roles.DESK_OPERATOR, Roles.DESK_MANAGER})
    void rInt1_aDeskManagerDeactivatesAnActivePatron_withAReason() {
        var id = activeExternal("Désactivable");
        navigate("patrons/" + id, PatronView.class);
        test($(Button.class).withId("patron-deactivate").single()).click();
        test($(Button.class).withId("deactivate-confirm").single()).click();
        var reason = $(TextArea.class).withId("deactivate-reason").single();
        assertThat(reason.isInvalid()).as("a reason is required").isTrue();
        test(reason).setValue("Identité usurpée");
        test($(Button.class).withId("deactivate-confirm").single()).click();

        var status =
                $(TextField.class).withCaption(getTranslation("patron.status")).single();
        assertThat(status.getValue()).isEqualTo(getTranslation("patron.status.INACTIVE"));
        assertThat($(Button.class).withId("patron-deactivate").all()).isEmpty();
    }

    @Test
    void rInt1_anOperatorCannotDeactivate() {
        var id = activeExternal("Intouchable");
        navigate("patrons/" + id, PatronView.class);
        assertThat($(Button.class).withId("patron-deactivate").all()).isEmpty();
    }

    @Autowired
    PatronService patrons;

    @Autowired
    IdentityChecks identityChecks;

    @Autowired
    PatronContacts contacts;

    @Test
    @SuppressWarnings("unchecked")
    void rRec6_theHistoryNamesEachFieldAsAPersonWould_inTheDesksLanguage() {
        var id = activeExternal("Historique");
        var patron = patrons.details(id);
        contacts.addLocalContact(
                id,
                patron.version(),
                new ContactDraft(
                        ContactKind.EMAIL, ContactUsage.WORK, false, "agnes.travail@example.be", null, null, null));
        identityChecks.recordIdentityCheck(id, IdentityDocument.PASSPORT);

        for (var language : Languages.SCREEN_LANGUAGES) {
            UI.getCurrent().setLocale(language);
            navigate("patrons/" + id, PatronView.class);
            var history =
                    test((Grid<Object>) $(Grid.class).withId("patron-history").single());
            var fields = new ArrayList<String>();
            var byField = new HashMap<String, String>();
            for (int row = 0; row < history.size(); row++) {
                fields.add(history.getCellText(row, 2));
                byField.putIfAbsent(history.getCellText(row, 2), history.getCellText(row, 4));
            }
            assertThat(fields)
                    .as(language + ": what a person would say")
                    .contains(
                            translate(language, "history.contact.PHONE.MOBILE"),
                            translate(language, "history.contact.EMAIL.PERSONAL"),
                            translate(language, "history.contact.EMAIL.WORK"),
                            translate(language, "history.contact.ADDRESS.HOME"),
                            translate(language, "patron.firstName"),
                            translate(language, "patron.status"),
                            translate(language, "history.field.identityCheck"));
            assertThat(fields)
                    .as(language + ": no technical name")
                    .noneMatch(f -> f.isBlank()
                            || f.startsWith("!")
                            || f.matches(".*[a-z][.][a-z].*")
                            || f.matches("[a-z]+[A-Z]\\w*"));
            // The values too: the document, the gender, the contact's value without its codes.
            assertThat(byField.get(translate(language, "history.field.identityCheck")))
                    .isEqualTo(translate(language, "desk.identity.PASSPORT"));
            assertThat(byField.get(translate(language, "patron.gender")))
                    .isEqualTo(translate(language, "patron.gender.F"));
            assertThat(byField.get(translate(language, "history.contact.EMAIL.WORK")))
                    .isEqualTo("agnes.travail@example.be");
            assertThat(byField.get(translate(language, "history.contact.PHONE.MOBILE")))
                    .doesNotContain("LOCAL")
                    .doesNotContain("MOBILE")
                    .contains("475");
        }
    }

    private static String translate(Locale language, String key) {
        return I18NProvider.translate(language, key);
    }

    long activeExternal(String lastName) {
        var patron = patrons.registerAtDesk(
                PatronKind.B,
                new PatronDraft(
                        "Agnès",
                        lastName,
                        Gender.F,
                        LocalDate.of(1979, 4, 4),
                        Language.FRE,
                        "Extérieur",
                        "Aucun",
                        null,
                        "PIB: Interlibrary Loan Services",
                        null,
                        null,
                        List.of(
                                ContactDraft.email("agnes." + UUID.randomUUID() + "@example.be", ContactUsage.PERSONAL),
                                ContactDraft.phone("0475 11 22 34", ContactUsage.MOBILE),
                                ContactDraft.address("Rue Haute 4", "4000", "Liège", "BE"))));
        jdbc.update("update patron set status = 'ACTIVE' where id = ?", patron.id());
        return patron.id();
    }

    private String getTranslation(String key) {
        return I18NProvider.translate(key);
    }

    @Test
    void rCon4_anAddressStoredInAnotherLanguageReadsInTheDesksLanguage() {
        var tag = UUID.randomUUID().toString().substring(0, 6).replaceAll("\\d", "q");
        var known = patrons.registerAtDesk(
                PatronKind.B,
                new PatronDraft(
                        "Lotte",
                        "Luikenaar-" + tag,
                        Gender.F,
                        LocalDate.of(1991, 5, 17),
                        Language.FRE,
                        "Extérieur",
                        "retraité",
                        null,
                        "PIB: Interlibrary Loan Services",
                        null,
                        null,
                        List.of(
                                ContactDraft.email("lotte." + tag + "@example.be", ContactUsage.PERSONAL),
                                ContactDraft.phone("0470 55 66 77", ContactUsage.MOBILE),
                                ContactDraft.address("Quai de Rome 5", "4000", "Luik", "BE"))));

        navigate("patrons/" + known.id(), PatronView.class);
        @SuppressWarnings("unchecked")
        Grid<Object> contacts = $(Grid.class).withId("patron-contacts").single();
        var shown = test(contacts).getCellText(0, 2);
        assertThat(shown).contains("4000 Liège").doesNotContain("Luik");
    }
}
