package be.uliege.library.registration.patron.ui;

import be.uliege.library.registration.patron.PatronDetails;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.springframework.modulith.NamedInterface;

/**
 * A section another module adds to the patron's record at the desk (R-DESK-4…7, R-FEE-2,
 * R-CARD-3…4, R-INT-1): the fees and receipts, the cards, the registration steps. The patron
 * module cannot know those modules (they depend on it), so each contributes a Spring bean of this
 * type from its own {@code ui} package; {@link PatronView} shows them after the identity, by
 * {@link #order()}.
 *
 * <p>A section is shared by every screen: {@link #render} builds new components each time and
 * keeps no state of its own.
 */
@NamedInterface("ui")
public interface PatronSection {

    /** Where the section goes among the others: lower first. */
    int order();

    /** The section for this patron, as the database holds it now. */
    Component render(PatronDetails patron);

    /** A section's box: its title, then its content, the page's width. */
    static VerticalLayout box(String id, String titleKey) {
        var box = new VerticalLayout();
        box.add(new H2(box.getTranslation(titleKey)));
        box.setPadding(false);
        box.setSpacing(false);
        box.setWidthFull();
        box.setId(id);
        return box;
    }

    /** The words a section shows when it has nothing to list ("No fee yet"). */
    static Paragraph empty(String id, String key) {
        var none = new Paragraph();
        none.setText(none.getTranslation(key));
        none.setId(id);
        return none;
    }
}
