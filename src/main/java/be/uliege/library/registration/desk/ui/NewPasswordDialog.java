package be.uliege.library.registration.desk.ui;

import be.uliege.library.registration.desk.NewPasswords;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronRuleException;
import be.uliege.library.registration.patron.ui.PatronPages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * R-DESK-8 at the desk: the identity document seen, "change it at the next login" when the
 * directory can ask for it (said when it cannot), then the new password on its slip. Nothing else
 * changes: no fee, the same expiration date.
 */
final class NewPasswordDialog extends Dialog {

    NewPasswordDialog(Component owner, NewPasswords passwords, PatronDetails patron, Runnable showAgain) {
        setHeaderTitle(getTranslation("password.new.title", patron.primaryIdentifier()));
        var explain = new Paragraph(getTranslation("password.new.explain"));
        explain.setId("password-new-explain");
        var document = new IdentityDocumentSelect();
        var mustChange = new Checkbox(getTranslation("password.new.must-change"));
        mustChange.setId("password-new-must-change");
        if (!passwords.directoryAsksForAChange()) {
            mustChange.setEnabled(false);
            mustChange.setHelperText(getTranslation("password.new.must-change-unavailable"));
        }
        var issue = new Button(getTranslation("password.new.issue"), e -> {
            if (!document.requireChosen()) {
                return;
            }
            try {
                var account =
                        passwords.issue(patron.id(), patron.version(), document.getValue(), mustChange.getValue());
                close();
                new PasswordSlip(account).open();
                showAgain.run();
            } catch (PatronRuleException ex) {
                close();
                DeskMessages.violations(owner, ex.violations());
            } catch (OptimisticLockingFailureException ex) {
                close();
                PatronPages.changedMeanwhile(owner, "patron.changed-meanwhile", showAgain);
            }
        });
        issue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        issue.setId("password-new-issue");
        var cancel = new Button(getTranslation("common.cancel"), e -> close());
        cancel.setId("password-new-cancel");
        add(explain, document, mustChange);
        getFooter().add(cancel, issue);
    }
}
