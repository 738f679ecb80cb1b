package be.uliege.library.registration.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A page that does not exist, or that the signed-in person's roles do not open (Vaadin answers
 * both the same way, so that a refused address says nothing of what lies behind it): a message in
 * the person's language and a way back, instead of the framework's bare English line.
 */
@AnonymousAllowed
public class PageNotAvailableView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        var title = new H1(getTranslation("error.not-available.title"));
        title.setId("page-not-available");
        var back = new Anchor("", getTranslation("error.not-available.back"));
        back.setId("page-not-available-back");
        add(title, new Paragraph(getTranslation("error.not-available.text")), back);
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
