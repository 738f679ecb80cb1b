package be.uliege.library.registration.patron.ui;

import be.uliege.library.registration.base.ui.FieldWidths;
import be.uliege.library.registration.patron.PatronSettings;
import com.vaadin.flow.component.ItemLabelGenerator;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinSession;
import org.springframework.modulith.NamedInterface;

/**
 * The desk site the operator works at (R-FEE-2, R-CARD-1, R-CON-3): chosen once in a session,
 * then the start of every site list of the desk's screens (registration, card, the printer
 * address of a patron without e-mail), whichever screen it was chosen on.
 */
@NamedInterface("ui")
public final class DeskSite {

    private static final String SESSION_ATTRIBUTE = "desk.site";

    private DeskSite() {}

    /** The site chosen in this session, or the first configured one. */
    public static PatronSettings.Site current(PatronSettings settings) {
        var session = VaadinSession.getCurrent();
        var code = session == null ? null : (String) session.getAttribute(SESSION_ATTRIBUTE);
        return settings.sites().stream()
                .filter(s -> s.code().equals(code))
                .findFirst()
                .orElse(settings.sites().getFirst());
    }

    /**
     * A list of the sites, as wide as its longest label, showing the session's site and
     * remembering the operator's choice for the other screens.
     */
    public static Select<PatronSettings.Site> select(
            PatronSettings settings, String label, ItemLabelGenerator<PatronSettings.Site> labels) {
        var select = new Select<PatronSettings.Site>();
        select.setLabel(label);
        select.setItems(settings.sites());
        select.setItemLabelGenerator(labels);
        FieldWidths.fitLongest(select, settings.sites().stream().map(labels).toList());
        select.setValue(current(settings));
        select.addValueChangeListener(e -> {
            var session = VaadinSession.getCurrent();
            if (e.getValue() != null && session != null) {
                session.setAttribute(SESSION_ATTRIBUTE, e.getValue().code());
            }
        });
        return select;
    }
}
