package be.uliege.library.registration.load.ui;

import be.uliege.library.registration.load.Loads;
import be.uliege.library.registration.load.OnlineImport;
import be.uliege.library.registration.patron.ui.PatronSearchAction;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * R-SIS-2 online import at the desk: under the search results for a P key or a university
 * identifier, "import from the university now" — for a person the nightly file has not brought
 * yet (up to 48 hours), or to refresh one now. Says in words what happened.
 */
@org.springframework.stereotype.Component
class OnlineImportAction implements PatronSearchAction {

    private final OnlineImport online;

    OnlineImportAction(OnlineImport online) {
        this.online = online;
    }

    @Override
    public Optional<Component> forQuery(String query, int found, Runnable searchAgain) {
        if (!online.available() || !OnlineImport.looksLikeUniversityIdentifier(query)) {
            return Optional.empty();
        }
        var said = new Paragraph();
        said.setId("online-import-result");
        said.getElement().setAttribute("aria-live", "polite");
        var button = new Button();
        button.setText(
                button.getTranslation(found == 0 ? "online-import.offer" : "online-import.refresh", query.strip()));
        button.setId("online-import");
        button.setDisableOnClick(true);
        button.addClickListener(e -> {
            var result = online.importPerson(query);
            var reasons = result.reasons().stream()
                    .map(l -> Loads.reason(
                            com.vaadin.flow.component.UI.getCurrent().getLocale(), l))
                    .collect(Collectors.joining(" "));
            said.setText(said.getTranslation(
                    "online-import." + result.outcome().name(),
                    result.identifier() == null ? query.strip() : result.identifier(),
                    reasons));
            button.setEnabled(true);
            if (result.identifier() != null) {
                searchAgain.run();
            }
        });
        var row = new HorizontalLayout(button, said);
        row.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        return Optional.of(row);
    }
}
