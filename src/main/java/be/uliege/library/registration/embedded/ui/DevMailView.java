package be.uliege.library.registration.embedded.ui;

import be.uliege.library.registration.embedded.EmbeddedServers;
import be.uliege.library.registration.security.Roles;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Development only: the mails the embedded mail server received, newest first. Exists only with
 * the embedded defaults; in production the route answers "not found".
 */
@Route("dev/mail")
@Menu(title = "nav.dev-mail", order = 90)
@RolesAllowed(Roles.DESK_OPERATOR)
public class DevMailView extends VerticalLayout implements BeforeEnterObserver {

    /** One received mail, decoded for reading. */
    record Mail(String to, String subject, String body) {}

    private final ObjectProvider<EmbeddedServers> servers;

    DevMailView(ObjectProvider<EmbeddedServers> servers) {
        this.servers = servers;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var running = servers.getIfAvailable();
        if (running == null) {
            throw new NotFoundException();
        }
        removeAll();
        var mails = Arrays.stream(running.mail().getReceivedMessages())
                .map(DevMailView::decode)
                .toList()
                .reversed();
        var grid = new Grid<Mail>();
        grid.addColumn(Mail::to).setHeader(getTranslation("devmail.to")).setAutoWidth(true);
        grid.addColumn(Mail::subject)
                .setHeader(getTranslation("devmail.subject"))
                .setFlexGrow(2);
        grid.setItems(mails);
        var body = new Pre();
        body.setId("mail-body");
        grid.addSelectionListener(
                e -> body.setText(e.getFirstSelectedItem().map(Mail::body).orElse("")));
        grid.setId("dev-mails");
        add(new H1(getTranslation("nav.dev-mail")), new Paragraph(getTranslation("devmail.hint")), grid, body);
    }

    static Mail decode(MimeMessage message) {
        try {
            var to = message.getAllRecipients() == null
                    ? List.<String>of()
                    : Arrays.stream(message.getAllRecipients())
                            .map(Object::toString)
                            .toList();
            var content = message.getContent();
            var body = content instanceof String s ? s : String.valueOf(content);
            return new Mail(String.join(", ", to), message.getSubject() == null ? "" : message.getSubject(), body);
        } catch (MessagingException | IOException e) {
            return new Mail("?", "?", "Unreadable message: " + e.getMessage());
        }
    }
}
