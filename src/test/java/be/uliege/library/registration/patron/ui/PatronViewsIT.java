package be.uliege.library.registration.patron.ui;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.patron.PatronSummary;
import be.uliege.library.registration.security.Roles;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
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
        var student = found.stream().filter(p -> p.primaryIdentifier().equals("S201234")).findFirst().orElseThrow();
        assertThat(found).allSatisfy(p -> assertThat(p.lastName()).startsWith("Dupré"));

        navigate("patrons/" + student.id(), PatronView.class);
        assertThat($(H1.class).single().getText()).isEqualTo("Élodie Dupré · S201234");
    }

    @Test
    void rExt1_externalContactItemsAreMarkedAndCannotBeDeleted() {
        navigate(PatronSearchView.class);
        test($(TextField.class).single()).setValue("S201234");
        test($(Button.class).withText(getTranslation("search.submit")).single()).click();
        @SuppressWarnings("unchecked")
        Grid<PatronSummary> results = $(Grid.class).single();
        var id = results.getGenericDataView().getItems().findFirst().orElseThrow().id();

        navigate("patrons/" + id, PatronView.class);
        @SuppressWarnings("unchecked")
        Grid<Object> contacts = $(Grid.class).withId("patron-contacts").single();
        var grid = test(contacts);
        assertThat(grid.size()).isEqualTo(3);
        for (int row = 0; row < grid.size(); row++) {
            var source = (Span) grid.getCellComponent(row, 3);
            assertThat(source.getText()).startsWith("✓");
            assertThat(source.getClassNames()).contains("external-mark");
            var action = (Button) grid.getCellComponent(row, 5);
            assertThat(action.getText()).isEqualTo(getTranslation("contact.duplicate"));
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void rId3_staffAreWarnedWhenARangeIs90PercentUsed() {
        navigate(PatronSearchView.class);
        assertThat($(com.vaadin.flow.component.html.Paragraph.class).withClassName("warning-text").all()).isEmpty();

        // Numbers only ever grow: moving the B95 sequence forward reuses nothing.
        jdbc.update("update identifier_sequence set next_value = greatest(next_value, 959500) where name = 'PRE_REGISTRATION'");
        navigate(PatronSearchView.class);
        var warnings = $(com.vaadin.flow.component.html.Paragraph.class).withClassName("warning-text").all();
        assertThat(warnings).singleElement().satisfies(w -> assertThat(w.getText()).contains("B95").contains("95"));
    }

    private String getTranslation(String key) {
        return com.vaadin.flow.i18n.I18NProvider.translate(key);
    }
}
