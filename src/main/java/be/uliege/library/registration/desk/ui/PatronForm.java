package be.uliege.library.registration.desk.ui;

import be.uliege.library.registration.base.Violation;
import be.uliege.library.registration.base.ui.ForeignAddressWarning;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronSettings;
import be.uliege.library.registration.patron.contact.BelgianPostalCodes;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactKind;
import be.uliege.library.registration.patron.contact.ContactUsage;
import be.uliege.library.registration.patron.ui.DeskSite;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A B patron's data at the desk: identity, group and job, and the three contact items the rules
 * require (R-REC-2). Filled from a draft and read back as one; the rules' messages are shown on
 * the field they concern, and nothing typed is lost when a check fails.
 */
class PatronForm extends FormLayout {

    final TextField firstName = text("firstName", "patron.firstName", 100);
    final TextField lastName = text("lastName", "patron.lastName", 100);
    final Select<Gender> gender = new Select<>();
    final DatePicker birthDate = new DatePicker();
    final Select<Language> language = new Select<>();
    final ComboBox<String> userGroup = new ComboBox<>();
    final ComboBox<String> jobCategory = new ComboBox<>();
    final TextField jobDescription = text("jobDescription", "patron.jobDescription", 200);
    final EmailField email = new EmailField();
    /** R-CON-3: no e-mail; the letters go to the printer of a desk site, chosen below. */
    final Checkbox noEmail = new Checkbox();

    final Select<PatronSettings.Site> printer = new Select<>();
    final TextField phone = text("phone", "desk.form.phone", 40);
    /** Shown when a record is edited: the library that lends to the patron (R-REC-2). */
    final ComboBox<String> library = new ComboBox<>();

    final TextField street = text("street", "desk.form.street", 200);
    final TextField postalCode = text("postalCode", "desk.form.postalCode", 16);
    final TextField city = text("city", "desk.form.city", 100);
    final TextField country = text("country", "desk.form.country", 2);
    private final PatronSettings settings;
    private final BelgianPostalCodes postalCodes;
    private @Nullable PatronDraft loaded;
    private boolean editing;

    PatronForm(PatronSettings settings, BelgianPostalCodes postalCodes) {
        this(settings, postalCodes, Set.of(PatronKind.B));
    }

    /** @param kinds the kinds whose groups the form offers: B, and BX for a manager's walk-in (R-CNV-4) */
    PatronForm(PatronSettings settings, BelgianPostalCodes postalCodes, Set<PatronKind> kinds) {
        this.settings = settings;
        this.postalCodes = postalCodes;
        gender.setLabel(getTranslation("patron.gender"));
        gender.setItems(Gender.values());
        gender.setItemLabelGenerator(g -> getTranslation("patron.gender." + g.name()));
        gender.setId("form-gender");
        birthDate.setLabel(getTranslation("patron.birthDate"));
        birthDate.setLocale(Locale.FRANCE);
        birthDate.setMax(LocalDate.now());
        birthDate.setId("form-birthDate");
        language.setLabel(getTranslation("patron.preferredLanguage"));
        language.setItems(Language.values());
        language.setItemLabelGenerator(l -> getTranslation("desk.form.language." + l.name()));
        language.setId("form-preferredLanguage");
        userGroup.setLabel(getTranslation("patron.userGroup"));
        userGroup.setItems(settings.userGroups().stream()
                .filter(g -> g.kinds().stream().anyMatch(kinds::contains))
                .map(PatronSettings.UserGroup::name)
                .toList());
        userGroup.setId("form-userGroup");
        jobCategory.setLabel(getTranslation("patron.jobCategory"));
        jobCategory.setItems(settings.jobCategories().stream()
                .filter(c -> c.kinds().contains(PatronKind.B))
                .map(PatronSettings.JobCategory::name)
                .toList());
        jobCategory.setId("form-jobCategory");
        email.setLabel(getTranslation("patron.email"));
        email.setId("form-email");
        email.setMaxLength(254);
        noEmail.setLabel(getTranslation("desk.form.no-email"));
        noEmail.setId("form-no-email");
        printer.setLabel(getTranslation("desk.form.printer"));
        printer.setHelperText(getTranslation("desk.form.printer.help"));
        printer.setItems(settings.sites());
        printer.setItemLabelGenerator(site -> site.name() + " · " + site.printerEmail());
        printer.setId("form-printer");
        printer.setVisible(false);
        // What was typed in the e-mail field stays there, unused, in case the box is unticked again.
        noEmail.addValueChangeListener(e -> {
            email.setEnabled(!e.getValue());
            printer.setVisible(e.getValue());
            if (e.getValue() && printer.getValue() == null) {
                printer.setValue(deskSite());
            }
        });
        country.setHelperText(getTranslation("desk.form.country.help"));
        postalCode.setValueChangeMode(ValueChangeMode.LAZY);
        postalCode.addValueChangeListener(e -> offerLocalities());
        ForeignAddressWarning.watch(country);
        add(
                firstName,
                lastName,
                gender,
                birthDate,
                language,
                userGroup,
                jobCategory,
                jobDescription,
                email,
                noEmail,
                printer,
                phone,
                street,
                postalCode,
                city,
                country);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("32em", 2));
        setColspan(street, 2);
        setColspan(jobDescription, 2);
    }

    /**
     * R-CON-4: once a Belgian postal code is typed, its localities are shown under the city in
     * the desk's language (Luik at a Dutch-speaking desk, Liège at a French-speaking one), and the
     * only one is filled in when the city is still empty. What is stored is the list's name (or
     * the other-language name typed), as the rules decide when the form is saved.
     */
    private void offerLocalities() {
        var code = postalCode.getValue().strip();
        var belgian = country.getValue().isBlank()
                || "BE".equalsIgnoreCase(country.getValue().strip());
        var localities =
                belgian && code.matches("\\d{4}") ? postalCodes.localitiesIn(code, getLocale()) : List.<String>of();
        city.setHelperText(
                localities.isEmpty()
                        ? null
                        : getTranslation("desk.form.city.localities", String.join(", ", localities)));
        if (localities.size() == 1 && city.getValue().isBlank()) {
            city.setValue(localities.getFirst());
        }
    }

    /** The printer of the operator's desk site when one was chosen in this session, else the first site's. */
    private PatronSettings.Site deskSite() {
        return DeskSite.current(settings);
    }

    private TextField text(String id, String labelKey, int max) {
        var field = new TextField(getTranslation(labelKey));
        field.setId("form-" + id);
        field.setMaxLength(max);
        return field;
    }

    /**
     * The form edits a record's identity (R-REC-6): the contact items are edited on the patron's
     * screen, one by one, so their fields go; the groups and categories are those of the record's
     * kind, and the resource sharing library is shown.
     */
    void editing(PatronKind kind) {
        editing = true;
        List.<Component>of(email, noEmail, printer, phone, street, postalCode, city, country)
                .forEach(field -> field.setVisible(false));
        userGroup.setItems(settings.userGroups().stream()
                .filter(g -> g.kinds().contains(kind))
                .map(PatronSettings.UserGroup::name)
                .toList());
        jobCategory.setItems(settings.jobCategories().stream()
                .filter(c -> c.kinds().contains(kind))
                .map(PatronSettings.JobCategory::name)
                .toList());
        library.setLabel(getTranslation("patron.resourceSharingLibrary"));
        library.setItems(settings.resourceSharingLibraries());
        library.setId("form-resourceSharingLibrary");
        add(library);
    }

    /** Shows a draft: every value, the first contact item of each kind. */
    void show(PatronDraft draft) {
        this.loaded = draft;
        firstName.setValue(orEmpty(draft.firstName()));
        lastName.setValue(orEmpty(draft.lastName()));
        gender.setValue(draft.gender());
        birthDate.setValue(draft.birthDate());
        language.setValue(draft.preferredLanguage());
        userGroup.setValue(draft.userGroup());
        jobCategory.setValue(draft.jobCategory());
        jobDescription.setValue(orEmpty(draft.jobDescription()));
        if (editing) {
            library.setValue(draft.resourceSharingLibrary());
        }
        for (var contact : draft.contacts()) {
            switch (contact.kind()) {
                case EMAIL -> {
                    var site = contact.usage() == ContactUsage.PRINTER
                            ? settings.siteByPrinter(orEmpty(contact.value()))
                            : Optional.<PatronSettings.Site>empty();
                    if (site.isPresent()) {
                        printer.setValue(site.get());
                        noEmail.setValue(true);
                    } else {
                        email.setValue(orEmpty(contact.value()));
                    }
                }
                case PHONE -> phone.setValue(orEmpty(contact.value()));
                case ADDRESS -> {
                    street.setValue(orEmpty(contact.value()));
                    postalCode.setValue(orEmpty(contact.postalCode()));
                    city.setValue(orEmpty(contact.city()));
                    country.setValue(orEmpty(contact.country()));
                }
            }
        }
    }

    /** What the form holds now, as a draft for the rules. */
    PatronDraft draft() {
        var contacts = new ArrayList<ContactDraft>();
        contacts.add(
                noEmail.getValue() && printer.getValue() != null
                        ? ContactDraft.email(printer.getValue().printerEmail(), ContactUsage.PRINTER)
                        : ContactDraft.email(email.getValue(), ContactUsage.PERSONAL));
        contacts.add(ContactDraft.phone(phone.getValue(), ContactUsage.MOBILE));
        contacts.add(ContactDraft.address(
                street.getValue(),
                postalCode.getValue(),
                city.getValue(),
                country.getValue().isBlank() ? "BE" : country.getValue().strip().toUpperCase(Locale.ROOT)));
        var library = editing && this.library.getValue() != null
                ? this.library.getValue()
                : loaded == null || loaded.resourceSharingLibrary() == null
                        ? settings.defaultResourceSharingLibrary()
                        : loaded.resourceSharingLibrary();
        return new PatronDraft(
                firstName.getValue(),
                lastName.getValue(),
                gender.getValue(),
                birthDate.getValue(),
                language.getValue(),
                userGroup.getValue(),
                jobCategory.getValue(),
                jobDescription.getValue(),
                library,
                null,
                null,
                contacts);
    }

    /** Clears the messages, then shows each violation on its field; returns those no field shows. */
    List<Violation> showErrors(List<Violation> violations) {
        fields().values().forEach(f -> f.setInvalid(false));
        email.setInvalid(false);
        printer.setInvalid(false);
        var unplaced = new ArrayList<Violation>();
        var fields = fields();
        for (var v : violations) {
            var field = fields.get(fieldOf(v.field()));
            if (field == null) {
                unplaced.add(v);
                continue;
            }
            field.setErrorMessage(getTranslation(v.messageKey(), v.args().toArray()));
            field.setInvalid(true);
        }
        return unplaced;
    }

    /** The form field of a rule's field name: {@code contacts[0].postalCode} is the address's postal code. */
    private String fieldOf(String ruleField) {
        if (ruleField.startsWith("contacts[")) {
            int index = Integer.parseInt(ruleField.substring(9, ruleField.indexOf(']')));
            var kind = index == 0 ? ContactKind.EMAIL : index == 1 ? ContactKind.PHONE : ContactKind.ADDRESS;
            var part = ruleField.substring(ruleField.indexOf(']') + 1);
            return switch (kind) {
                case EMAIL -> "email";
                case PHONE -> "phone";
                case ADDRESS ->
                    part.startsWith(".postalCode")
                            ? "postalCode"
                            : part.startsWith(".city") ? "city" : part.startsWith(".country") ? "country" : "street";
            };
        }
        return switch (ruleField) {
            case "emails" -> "email";
            case "phones" -> "phone";
            case "addresses" -> "street";
            default -> ruleField;
        };
    }

    private Map<String, HasValidation> fields() {
        var fields = new LinkedHashMap<String, HasValidation>();
        fields.put("firstName", firstName);
        fields.put("lastName", lastName);
        fields.put("gender", gender);
        fields.put("birthDate", birthDate);
        fields.put("preferredLanguage", language);
        fields.put("userGroup", userGroup);
        fields.put("jobCategory", jobCategory);
        fields.put("jobDescription", jobDescription);
        fields.put("email", noEmail.getValue() ? printer : email);
        fields.put("phone", phone);
        fields.put("street", street);
        fields.put("postalCode", postalCode);
        fields.put("city", city);
        fields.put("country", country);
        fields.put("resourceSharingLibrary", library);
        return fields;
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
