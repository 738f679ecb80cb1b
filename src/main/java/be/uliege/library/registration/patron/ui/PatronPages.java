package be.uliege.library.registration.patron.ui;

import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronNotFoundException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.RouterLink;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.springframework.modulith.NamedInterface;

/**
 * How every desk screen opens a patron by id and tells the operator that the record changed
 * meanwhile, the same way: a record that does not exist (any more) is said in words with the way
 * back to the search, never an error page; a record someone else changed is shown again as it is
 * now, with the message (optimistic locking, R-REC-6).
 */
@NamedInterface("ui")
public final class PatronPages {

    private PatronPages() {}

    /**
     * Shows the patron the screen was opened for, or says that there is none.
     *
     * @param page the screen, emptied when there is no such patron
     */
    public static <P extends Component & HasComponents> void open(
            P page, long id, LongFunction<PatronDetails> details, Consumer<PatronDetails> show) {
        PatronDetails found;
        try {
            found = details.apply(id);
        } catch (PatronNotFoundException e) {
            page.removeAll();
            var title = new H1(page.getTranslation("patron.not-found"));
            title.setId("patron-not-found");
            page.add(title, new RouterLink(page.getTranslation("patron.search.back"), PatronSearchView.class));
            return;
        }
        show.accept(found);
    }

    /**
     * Someone changed the record since this screen showed it: says so with {@code messageKey}
     * (the screen's own words for it), then shows the record as it is now.
     */
    public static void changedMeanwhile(Component page, String messageKey, Runnable showAgain) {
        var n = Notification.show(page.getTranslation(messageKey), 8000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_WARNING);
        n.setId("patron-changed-meanwhile");
        showAgain.run();
    }
}
