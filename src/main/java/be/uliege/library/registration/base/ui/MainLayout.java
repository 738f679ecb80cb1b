package be.uliege.library.registration.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/**
 * The desk's frame: the application name, the navigation (only the views the signed-in staff
 * member's roles allow are listed) and who is signed in, with sign-out.
 */
@Layout
@PermitAll
public final class MainLayout extends AppLayout {

    MainLayout(AuthenticationContext authenticationContext) {
        setPrimarySection(Section.DRAWER);
        var title = new Span(getTranslation("app.name"));
        title.addClassName("app-title");
        addToNavbar(new DrawerToggle(), title);
        addToDrawer(new Scroller(navigation()), userBox(authenticationContext));
    }

    private SideNav navigation() {
        var nav = new SideNav();
        nav.setLabel(getTranslation("nav.label"));
        // MenuConfiguration lists only the views whose access rules let the current user in.
        MenuConfiguration.getMenuEntries()
                .forEach(entry -> nav.addItem(new SideNavItem(getTranslation(entry.title()), entry.path())));
        return nav;
    }

    private Component userBox(AuthenticationContext authenticationContext) {
        var name = new Span(authenticationContext.getPrincipalName().orElse(""));
        name.addClassName("signed-in-user");
        var signOut = new Button(getTranslation("nav.sign-out"), e -> authenticationContext.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var box = new HorizontalLayout(name, signOut);
        box.setAlignItems(HorizontalLayout.Alignment.CENTER);
        box.addClassName("user-box");
        return box;
    }
}
