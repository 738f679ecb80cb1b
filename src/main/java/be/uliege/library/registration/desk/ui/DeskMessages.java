package be.uliege.library.registration.desk.ui;

import be.uliege.library.registration.base.Violation;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronRuleException;
import be.uliege.library.registration.preregistration.AlreadyDecidedException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

/** How the desk screens tell the operator that something was refused, and how to fix it. */
final class DeskMessages {

    private DeskMessages() {}

    static void error(Component where, String text) {
        var n = Notification.show(text, 8000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.setId("desk-error");
    }

    static void success(String text) {
        var n = Notification.show(text, 5000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /**
     * Runs a desk decision that yields the patron's record; on success goes on to its fees and
     * registration step, otherwise says why — on the form's fields where they concern one.
     */
    static void decide(Component where, PatronForm form, Supplier<PatronDetails> decision) {
        try {
            done(where, decision.get());
        } catch (PatronRuleException e) {
            var unplaced = form.showErrors(e.violations());
            if (unplaced.isEmpty()) {
                error(where, where.getTranslation("validation.fix-fields"));
            } else {
                violations(where, unplaced);
            }
        } catch (AlreadyDecidedException e) {
            error(where, where.getTranslation("validation.decided", String.valueOf(e.by())));
        } catch (OptimisticLockingFailureException e) {
            error(where, where.getTranslation("patron.changed-meanwhile"));
        } catch (AccessDeniedException e) {
            error(where, where.getTranslation("validation.convert.manager-only"));
        }
    }

    /** A decision made: says so and goes on to the patron's fees and registration step. */
    static void done(Component where, PatronDetails patron) {
        success(where.getTranslation("validation.done", patron.primaryIdentifier()));
        where.getUI().ifPresent(ui -> ui.navigate(RegistrationView.class, patron.id()));
    }

    /** Every violation in words, one per line: the ones no field of the screen shows. */
    static void violations(Component where, List<Violation> violations) {
        if (violations.isEmpty()) {
            return;
        }
        error(
                where,
                violations.stream()
                        .map(v -> where.getTranslation(v.messageKey(), v.args().toArray()))
                        .collect(Collectors.joining("\n")));
    }
}
