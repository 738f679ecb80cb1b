package be.uliege.library.registration.desk.ui;

import be.uliege.library.registration.patron.Violation;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.List;
import java.util.stream.Collectors;

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

    /** Every violation in words, one per line: the ones no field of the screen shows. */
    static void violations(Component where, List<Violation> violations) {
        if (violations.isEmpty()) {
            return;
        }
        error(where, violations.stream()
                .map(v -> where.getTranslation(v.messageKey(), v.args().toArray()))
                .collect(Collectors.joining("\n")));
    }
}
