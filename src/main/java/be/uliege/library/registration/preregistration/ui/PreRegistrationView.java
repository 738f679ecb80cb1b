package be.uliege.library.registration.preregistration.ui;

import be.uliege.library.registration.base.CurrentStaff;
import be.uliege.library.registration.base.TypedDates;
import be.uliege.library.registration.base.Violation;
import be.uliege.library.registration.base.ui.InputModes;
import be.uliege.library.registration.base.ui.LanguageSwitcher;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronSettings;
import be.uliege.library.registration.patron.contact.BelgianPostalCodes;
import be.uliege.library.registration.patron.contact.InvalidValueException;
import be.uliege.library.registration.patron.contact.PhoneNumber;
import be.uliege.library.registration.preregistration.PreRegistrationForm;
import be.uliege.library.registration.preregistration.PreRegistrationService;
import be.uliege.library.registration.preregistration.PreRegistrationSettings;
import be.uliege.library.registration.preregistration.ProofOfWork;
import be.uliege.library.registration.preregistration.PublicSubmissions;
import be.uliege.library.registration.preregistration.Submission;
import be.uliege.library.registration.preregistration.SubmissionOutcome;
import be.uliege.library.registration.preregistration.Use;
import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.BlurNotifier;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The public pre-registration page (R-PRE-1…3), without an account, on a phone or a library
 * computer, in French, English, Dutch or German. Each field is checked as the person leaves it,
 * by the same rules as the server applies on submission; messages sit under their field and
 * nothing typed is lost. The browser solves the anti-robot challenge while the person presses
 * the button; a hidden field catches robots that fill everything.
 *
 * <p>Longer than most screens: the public form's fifteen fields in four languages, each checked as
 * it is left, with the answer after sending; the decisions are the services'.
 */
@Route(value = "inscription", autoLayout = false)
@AnonymousAllowed
public class PreRegistrationView extends Main implements BeforeEnterObserver, HasDynamicTitle, LocaleChangeObserver {

    /** Solves the challenge in the browser: SHA-256(challenge:nonce) with `difficulty` leading zero bits. */
    static final String SOLVE = """
            const enc = new TextEncoder();
            const zeroBits = h => { let b = 0; for (const x of h) { if (x === 0) { b += 8; continue; }
              return b + Math.clz32(x) - 24; } return b; };
            for (let n = 0; ; n++) {
              const nonce = n.toString(36);
              const h = new Uint8Array(await crypto.subtle.digest('SHA-256', enc.encode($0 + ':' + nonce)));
              if (zeroBits(h) >= $1) return nonce;
            }""";

    /** Idle anonymous sessions end quickly, so that a flood of visits cannot fill the memory. */
    public static final int ANONYMOUS_SESSION_SECONDS = 15 * 60;

    private final PreRegistrationService registrations;
    private final PublicSubmissions submissions;
    private final BelgianPostalCodes postalCodes;
    private final ProofOfWork proofOfWork;
    private final PreRegistrationSettings settings;
    private final PatronSettings patronSettings;

    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    final TextField firstName = new TextField();
    final TextField lastName = new TextField();
    /**
     * A text field, not a calendar: a person types the date they know, on a phone's digit keyboard
     * too (12041990), and sees it written back as understood (R-PRE-1, {@link TypedDates}).
     */
    final TextField birthDate = new TextField();

    final RadioButtonGroup<Gender> gender = new RadioButtonGroup<>();
    final RadioButtonGroup<Language> preferredLanguage = new RadioButtonGroup<>();
    final TextField email = new TextField();
    final TextField phone = new TextField();
    final TextField addressLine1 = new TextField();
    final TextField postalCode = new TextField();
    final ComboBox<String> city = new ComboBox<>();
    final ComboBox<String> country = new ComboBox<>();
    final ComboBox<String> jobCategory = new ComboBox<>();
    final TextField jobDescription = new TextField();
    final RadioButtonGroup<Use> use = new RadioButtonGroup<>();
    final Paragraph fees = new Paragraph();
    final Checkbox privacyAccepted = new Checkbox();
    final Details privacyNotice = new Details();
    final TextField website = new TextField();
    final Button submit = new Button();
    private final H1 title = new H1();
    private final Paragraph intro = new Paragraph();
    private final Div formArea = new Div();
    private final Div feedback = new Div();

    /** The form's fields by their API name, to show each rule's message under its field. */
    private final Map<String, Component> fields = new LinkedHashMap<>();

    private final CurrentStaff staff;
    private final Set<String> visited = new HashSet<>();
    private @Nullable String submittedIdentifier;

    PreRegistrationView(
            PreRegistrationService registrations,
            PublicSubmissions submissions,
            BelgianPostalCodes postalCodes,
            ProofOfWork proofOfWork,
            PreRegistrationSettings settings,
            PatronSettings patronSettings,
            CurrentStaff staff) {
        this.registrations = registrations;
        this.submissions = submissions;
        this.staff = staff;
        this.postalCodes = postalCodes;
        this.proofOfWork = proofOfWork;
        this.settings = settings;
        this.patronSettings = patronSettings;
        addClassName("public-page");

        fields.put("firstName", firstName);
        fields.put("lastName", lastName);
        fields.put("birthDate", birthDate);
        fields.put("gender", gender);
        fields.put("preferredLanguage", preferredLanguage);
        fields.put("email", email);
        fields.put("phone", phone);
        fields.put("address.line1", addressLine1);
        fields.put("address.postalCode", postalCode);
        fields.put("address.city", city);
        fields.put("address.country", country);
        fields.put("jobCategory", jobCategory);
        fields.put("jobDescription", jobDescription);
        fields.put("use", use);
        fields.put("privacyNoticeAccepted", privacyAccepted);
        fields.forEach((name, field) -> field.setId("field-" + name.replace('.', '-')));

        firstName.setAutocomplete(Autocomplete.GIVEN_NAME);
        lastName.setAutocomplete(Autocomplete.FAMILY_NAME);
        email.setAutocomplete(Autocomplete.EMAIL);
        InputModes.set(email, "email");
        phone.setAutocomplete(Autocomplete.TEL);
        InputModes.set(phone, "tel");
        addressLine1.setAutocomplete(Autocomplete.ADDRESS_LINE1);
        postalCode.setAutocomplete(Autocomplete.POSTAL_CODE);
        InputModes.set(postalCode, "numeric");
        for (var f : List.of(firstName, lastName, email, phone, addressLine1, jobDescription)) {
            f.setMaxLength(254);
        }
        postalCode.setMaxLength(16);
        birthDate.setAutocomplete(Autocomplete.BDAY);
        InputModes.set(birthDate, "numeric");
        birthDate.setMaxLength(24);
        birthDate.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        birthDate.addValueChangeListener(e -> {
            var parsed = TypedDates.dayMonthYear(e.getValue());
            if (parsed.date() != null) {
                var shown = DAY_MONTH_YEAR.format(parsed.date());
                if (!shown.equals(e.getValue())) {
                    birthDate.setValue(shown);
                }
            }
        });
        gender.setItems(Gender.F, Gender.M, Gender.X);
        preferredLanguage.setItems(Language.FRE, Language.ENG);
        city.setAllowCustomValue(true);
        city.addCustomValueSetListener(e -> city.setValue(listedOrTyped(e.getDetail())));
        country.setItems(Arrays.stream(Locale.getISOCountries()).sorted().toList());
        country.setValue("BE");
        jobCategory.setItems(patronSettings.jobCategories().stream()
                .filter(c -> c.kinds().contains(PatronKind.B))
                .map(PatronSettings.JobCategory::name)
                .toList());
        use.setItems(Use.PRIVATE, Use.PROFESSIONAL);
        use.addValueChangeListener(e -> fees.setText(feesText()));
        fees.setId("fees");
        fees.getElement().setAttribute("aria-live", "polite");

        postalCode.addValueChangeListener(e -> offerLocalities());
        phone.addBlurListener(e -> showStoredPhone());

        // Robots fill every field; people never see this one (hidden from sight and from screen readers).
        website.addClassName("honeypot");
        website.getElement().setAttribute("aria-hidden", "true");
        website.getElement().setAttribute("tabindex", "-1");
        website.setAutocomplete(Autocomplete.OFF);

        // A field is checked when the person leaves it, and again whenever a value changes (a city
        // chosen from the list, a corrected postal code), so that a message goes as soon as it is fixed.
        fields.forEach((name, field) -> {
            if (field instanceof BlurNotifier<?> blur) {
                blur.addBlurListener(e -> {
                    visited.add(name);
                    recheck();
                });
            }
            if (field instanceof AbstractField<?, ?> value) {
                value.addValueChangeListener(e -> {
                    if (e.isFromClient()) {
                        visited.add(name);
                    }
                    recheck();
                });
            }
        });

        submit.setId("submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        submit.setDisableOnClick(true);
        submit.addClickListener(e -> submitWithChallenge());

        feedback.setId("feedback");
        feedback.getElement().setAttribute("role", "alert");

        var form = new FormLayout(
                firstName,
                lastName,
                birthDate,
                gender,
                preferredLanguage,
                email,
                phone,
                addressLine1,
                postalCode,
                city,
                country,
                jobCategory,
                jobDescription,
                use,
                fees,
                privacyNotice,
                privacyAccepted,
                website);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        for (var wide : List.<Component>of(addressLine1, use, fees, privacyNotice, privacyAccepted, jobDescription)) {
            form.setColspan(wide, 2);
        }
        formArea.add(form, feedback, submit);
        add(new LanguageSwitcher(), title, intro, formArea);
        label();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var ui = UI.getCurrent();
        LanguageSwitcher.applyTo(ui);
        var session = ui.getSession().getSession();
        if (session != null && !staff.isSignedIn()) {
            session.setMaxInactiveInterval(ANONYMOUS_SESSION_SECONDS);
        }
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        label();
        recheck();
        if (submittedIdentifier != null) {
            showSubmitted(submittedIdentifier);
        }
    }

    /** Every text of the page from the bundles, in the current language. */
    private void label() {
        title.setText(getTranslation("public.form.title"));
        intro.setText(getTranslation("public.form.intro"));
        label(firstName, "patron.firstName");
        label(lastName, "patron.lastName");
        label(birthDate, "patron.birthDate");
        birthDate.setHelperText(getTranslation("public.form.birthDate.help"));
        birthDate.setPlaceholder(getTranslation("public.form.birthDate.placeholder"));
        label(gender, "patron.gender");
        gender.setItemLabelGenerator(g -> getTranslation("public.form.gender." + g.name()));
        label(preferredLanguage, "public.form.preferredLanguage");
        preferredLanguage.setItemLabelGenerator(l -> getTranslation("public.form.language." + l.code()));
        label(email, "public.form.email");
        email.setHelperText(getTranslation("public.form.email.help"));
        label(phone, "public.form.phone");
        if (phone.getHelperText() == null
                || phone.getHelperText().isEmpty()
                || phone.getValue().isBlank()) {
            phone.setHelperText(getTranslation("public.form.phone.help"));
        }
        label(addressLine1, "address.line1");
        label(postalCode, "address.postalCode");
        label(city, "address.city");
        label(country, "public.form.country");
        country.setItemLabelGenerator(code -> Locale.of("", code).getDisplayCountry(getLocale()) + " (" + code + ")");
        label(jobCategory, "patron.jobCategory");
        label(jobDescription, "patron.jobDescription");
        jobDescription.setHelperText(getTranslation("public.form.jobDescription.help"));
        label(use, "public.form.use");
        use.setItemLabelGenerator(u -> getTranslation("public.form.use." + u.name()));
        fees.setText(feesText());
        privacyNotice.setSummaryText(getTranslation("public.form.privacy.summary"));
        privacyNotice.removeAll();
        privacyNotice.add(new Paragraph(getTranslation("public.form.privacy.text", settings.privacyNoticeVersion())));
        privacyAccepted.setLabel(getTranslation("public.form.privacy.accept", settings.privacyNoticeVersion()));
        website.setLabel("Website");
        submit.setText(getTranslation("public.form.submit"));
    }

    private void label(Component field, String key) {
        ((HasLabel) field).setLabel(getTranslation(key));
    }

    private String feesText() {
        return use.getValue() == null
                ? getTranslation("public.form.fees.choose")
                : getTranslation("public.form.fees." + use.getValue().name());
    }

    /** The localities of the typed postal code become the city's choices (R-CON-4). */
    private void offerLocalities() {
        var code = postalCode.getValue().strip();
        var localities = postalCodes.localitiesIn(code, getLocale()); // Luik on the Dutch form, Liège on the French one
        var typed = city.getValue();
        city.setItems(localities);
        if (typed != null && !typed.isBlank()) {
            city.setValue(listedOrTyped(typed)); // keep what was typed, as the list spells it
        } else if (localities.size() == 1) {
            city.setValue(localities.getFirst());
        }
    }

    /** The list's spelling of a typed locality of the postal code ("liege" → "Liège"), else what was typed. */
    private String listedOrTyped(String typed) {
        return postalCodes.check(postalCode.getValue().strip(), typed) instanceof BelgianPostalCodes.Check.Match match
                ? BelgianPostalCodes.stored(match, typed)
                : typed;
    }

    /** R-CON-2: the person sees the digits-only form that is stored, read as the rules read it. */
    private void showStoredPhone() {
        try {
            var number = PhoneNumber.parse(phone.getValue(), patronSettings.phoneRegion());
            phone.setHelperText(getTranslation("public.form.phone.stored", number.digits(), number.display()));
        } catch (InvalidValueException invalid) {
            phone.setHelperText(getTranslation("public.form.phone.help"));
        }
    }

    private void recheck() {
        if (submittedIdentifier == null) {
            showErrors(registrations.check(form()), false);
        }
    }

    PreRegistrationForm form() {
        return new PreRegistrationForm(
                firstName.getValue(),
                lastName.getValue(),
                TypedDates.dayMonthYear(birthDate.getValue()).date(),
                gender.getValue(),
                preferredLanguage.getValue(),
                email.getValue(),
                phone.getValue(),
                addressLine1.getValue(),
                postalCode.getValue(),
                city.getValue(),
                country.getValue(),
                jobCategory.getValue(),
                jobDescription.getValue(),
                use.getValue(),
                settings.privacyNoticeVersion(),
                privacyAccepted.getValue());
    }

    /**
     * Shows the messages of the visited fields (or of all, on submission) under their fields,
     * clears the others; on submission, focuses the first field to fix.
     */
    private void showErrors(List<Violation> errors, boolean all) {
        var byField = new LinkedHashMap<String, String>();
        // A date typed but not understood: say how to write it, rather than "required".
        var typedDate = TypedDates.dayMonthYear(birthDate.getValue());
        if (typedDate.problem() != null) {
            byField.put("birthDate", getTranslation("rule." + typedDate.problem()));
        }
        for (var v : errors) {
            var name = fields.containsKey(v.field()) ? v.field() : "privacyNoticeAccepted";
            byField.putIfAbsent(name, getTranslation(v.messageKey(), v.args().toArray()));
        }
        fields.forEach((name, field) -> {
            var message = byField.get(name);
            var show = message != null && (all || visited.contains(name));
            ((HasValidation) field).setErrorMessage(show ? message : null);
            ((HasValidation) field).setInvalid(show);
        });
        if (all && !byField.isEmpty()) {
            feedback.setText(getTranslation("public.form.errors", byField.size()));
            // The first field to fix in the order of the form, not of the rules.
            fields.entrySet().stream()
                    .filter(f -> byField.containsKey(f.getKey()))
                    .findFirst()
                    .map(Map.Entry::getValue)
                    .ifPresent(first -> {
                        if (first instanceof Focusable<?> focusable) {
                            focusable.focus();
                        }
                    });
        } else if (byField.isEmpty()) {
            feedback.setText("");
        }
    }

    /**
     * The form is checked first, so that the browser solves no challenge for a form the rules
     * refuse; then the browser solves the challenge and {@link PublicSubmissions} decides.
     */
    private void submitWithChallenge() {
        visited.addAll(fields.keySet());
        var errors = registrations.check(form());
        if (!errors.isEmpty()) {
            showErrors(errors, true);
            submit.setEnabled(true);
            return;
        }
        feedback.setText(getTranslation("public.form.checking"));
        if (!proofOfWork.enabled()) {
            store(null, null);
            return;
        }
        var challenge = proofOfWork.issue();
        getElement()
                .executeJs(SOLVE, challenge.challenge(), challenge.difficulty())
                .then(
                        String.class,
                        nonce -> store(challenge.challenge(), nonce),
                        error -> fail(getTranslation("rule.challenge.invalid")));
    }

    private void store(@Nullable String challenge, @Nullable String nonce) {
        var request = VaadinRequest.getCurrent();
        var submission = new Submission(
                form(), request == null ? "unknown" : request.getRemoteAddr(), website.getValue(), challenge, nonce);
        switch (submissions.accept(submission)) {
            case SubmissionOutcome.Accepted accepted -> {
                submittedIdentifier = accepted.identifier();
                showSubmitted(accepted.identifier());
            }
            case SubmissionOutcome.Robot robot -> fail(getTranslation("rule.form.rejected"));
            case SubmissionOutcome.TooMany(var retryAfterSeconds) ->
                fail(getTranslation("api.too-many", retryAfterSeconds));
            case SubmissionOutcome.Invalid(var violations) -> {
                showErrors(violations, true);
                submit.setEnabled(true);
            }
            case SubmissionOutcome.Concurrent() -> fail(getTranslation("api.concurrent"));
        }
    }

    private void fail(String message) {
        feedback.setText(message);
        submit.setEnabled(true);
    }

    private void showSubmitted(String identifier) {
        formArea.removeAll();
        var done = new Div();
        done.setId("submitted");
        done.getElement().setAttribute("role", "status");
        done.add(
                new H2(getTranslation("public.form.done.title")),
                new Paragraph(getTranslation("public.form.done.identifier", identifier)),
                new Paragraph(getTranslation("public.form.done.mail")),
                new Paragraph(getTranslation("public.form.done.bring")));
        formArea.add(done);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("public.form.title") + " · ULiège Library";
    }
}
