package be.uliege.library.registration.patron.ui;

import be.uliege.library.registration.base.ui.ForeignAddressWarning;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronRuleException;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactKind;
import be.uliege.library.registration.patron.contact.ContactSource;
import be.uliege.library.registration.patron.contact.ContactUsage;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The contact item dialogs of the patron's screen (R-EXT-2): a new local item, a local item
 * edited, an external item read in full (and duplicated into a local one). A refused value is said
 * on its field and nothing typed is lost.
 */
final class ContactDialog extends Dialog {

    /** What saving does: the record as it is after the change. */
    interface Save extends Function<ContactDraft, PatronDetails> {}

    private final ComboBox<ContactKind> kind = new ComboBox<>();
    private final ComboBox<ContactUsage> usage = new ComboBox<>();
    private final TextField value = new TextField();
    private final TextField postalCode = new TextField();
    private final TextField city = new TextField();
    private final TextField country = new TextField();
    private final Checkbox preferred = new Checkbox();

    /**
     * @param existing the item edited or read, or {@code null} for a new one
     * @param save     what the save button does; {@code null} for an item that is only read
     * @param shown    the screen shows the record after the change
     * @param stale    the screen says a colleague changed the record meanwhile
     */
    ContactDialog(
            PatronDetails.@Nullable Contact existing,
            @Nullable Save save,
            Consumer<PatronDetails> shown,
            Runnable stale) {
        setId("contact-dialog");
        setHeaderTitle(getTranslation(
                existing == null
                        ? "contact.add"
                        : existing.source() == ContactSource.EXTERNAL ? "contact.view" : "contact.edit"));
        kind.setLabel(getTranslation("contact.kind"));
        kind.setItems(ContactKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("contact.kind." + k.name()));
        kind.setValue(ContactKind.EMAIL);
        kind.setId("contact-kind");
        usage.setLabel(getTranslation("contact.usage"));
        usage.setItems(ContactUsage.values());
        usage.setItemLabelGenerator(u -> getTranslation("contact.usage." + u.name()));
        usage.setValue(ContactUsage.PERSONAL);
        usage.setId("contact-usage");
        value.setMaxLength(254);
        value.setId("contact-value");
        postalCode.setLabel(getTranslation("address.postalCode"));
        postalCode.setMaxLength(16);
        postalCode.setId("contact-postalCode");
        city.setLabel(getTranslation("address.city"));
        city.setMaxLength(100);
        city.setId("contact-city");
        country.setLabel(getTranslation("address.country"));
        country.setMaxLength(2);
        country.setValue("BE");
        country.setId("contact-country");
        ForeignAddressWarning.watch(country);
        preferred.setLabel(getTranslation("contact.preferred"));
        preferred.setId("contact-preferred");
        if (existing != null) {
            fill(existing);
        }
        kind.addValueChangeListener(e -> toggle());
        toggle();
        add(new FormLayout(kind, usage, value, postalCode, city, country, preferred));
        if (existing != null && existing.source() == ContactSource.EXTERNAL) {
            var note = new Paragraph(getTranslation("contact.external-read-only"));
            note.addClassName("external-mark");
            add(note);
            for (var field : new HasValue<?, ?>[] {kind, usage, value, postalCode, city, country, preferred}) {
                field.setReadOnly(true);
            }
        }
        var close = new Button(getTranslation(save == null ? "common.close" : "common.cancel"), e -> close());
        close.setId("contact-close");
        getFooter().add(close);
        if (save != null) {
            var ok = new Button(getTranslation("common.save"), e -> save(save, shown, stale));
            ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            ok.setId("contact-save");
            getFooter().add(ok);
        }
    }

    private void fill(PatronDetails.Contact item) {
        kind.setValue(item.kind());
        usage.setValue(item.usage());
        preferred.setValue(item.preferred());
        var address = item.address();
        if (address != null) {
            value.setValue(address.street());
            postalCode.setValue(address.postalCode() == null ? "" : address.postalCode());
            city.setValue(address.city() == null ? "" : address.city());
            country.setValue(address.country() == null ? "" : address.country());
        } else {
            value.setValue(item.display());
        }
    }

    private void toggle() {
        boolean address = kind.getValue() == ContactKind.ADDRESS;
        postalCode.setVisible(address);
        city.setVisible(address);
        country.setVisible(address);
        value.setLabel(getTranslation(address ? "address.line1" : "contact.value"));
    }

    private void save(Save save, Consumer<PatronDetails> shown, Runnable stale) {
        value.setInvalid(false);
        city.setInvalid(false);
        postalCode.setInvalid(false);
        country.setInvalid(false);
        var draft = new ContactDraft(
                kind.getValue(),
                usage.getValue(),
                preferred.getValue(),
                value.getValue(),
                postalCode.getValue(),
                city.getValue(),
                country.getValue());
        try {
            shown.accept(save.apply(draft));
            close();
        } catch (PatronRuleException ex) {
            // Each message beside its field; nothing typed is lost.
            for (var v : ex.violations()) {
                var message = getTranslation(v.messageKey(), v.args().toArray());
                var target = v.field().endsWith(".city")
                        ? city
                        : v.field().endsWith(".postalCode")
                                ? postalCode
                                : v.field().endsWith(".country") ? country : value;
                target.setErrorMessage(message);
                target.setInvalid(true);
            }
        } catch (OptimisticLockingFailureException ex) {
            close();
            stale.run();
        }
    }
}
