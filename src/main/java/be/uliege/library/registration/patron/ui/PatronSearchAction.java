package be.uliege.library.registration.patron.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * Something another module offers under the desk's search results for what was typed (R-SIS-2: the
 * load module's "import from the university now" for a P key or a university identifier). The
 * patron module cannot know those modules (they depend on it), so each contributes a Spring bean of
 * this type from its own {@code ui} package.
 */
@NamedInterface("ui")
public interface PatronSearchAction {

    /**
     * The component to show for this query, or none.
     *
     * @param found how many patrons the search found
     * @param searchAgain runs the same search again (after the action changed something)
     */
    Optional<Component> forQuery(String query, int found, Runnable searchAgain);
}
