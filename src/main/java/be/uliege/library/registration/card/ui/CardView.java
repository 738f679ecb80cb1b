package be.uliege.library.registration.card.ui;

import be.uliege.library.registration.card.CardPrinting;
import be.uliege.library.registration.card.CardSettings;
import be.uliege.library.registration.card.Cards;
import be.uliege.library.registration.card.PhotoImages;
import be.uliege.library.registration.card.PhotoRejectedException;
import be.uliege.library.registration.card.ServerCamera;
import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.fee.FeesDueException;
import be.uliege.library.registration.fee.ui.FeePanel;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronRuleException;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.PatronSettings;
import be.uliege.library.registration.patron.ui.DeskSite;
import be.uliege.library.registration.patron.ui.PatronPages;
import be.uliege.library.registration.security.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.slider.DecimalSlider;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The patron's card at the desk (R-CARD-1…5): the photo — uploaded, checked by its content and
 * placed in the card's frame with two sliders and a zoom, then associated only while the
 * patron's identifier, names and card status are on the screen (R-CARD-2) — the card and its
 * letter printed as PDF, reprints with their reason, and the activation lock lifted.
 *
 * <p>Longer than most screens: the photo (upload, camera, framing), the printing with its fee and
 * the card's status are one desk task on one page; the decisions are the services' (CardPrinting,
 * Cards, Fees).
 */
@Route("cards")
@RolesAllowed(Roles.DESK_OPERATOR)
public class CardView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final PatronService patrons;
    private final Cards cards;
    private final CardPrinting printing;
    private final CardSettings settings;
    private final PatronSettings patronSettings;
    private final Fees fees;
    private final Clock clock;
    private final ServerCamera serverCamera;
    private Cards.PhotoSource source = Cards.PhotoSource.UPLOAD;
    private final DecimalSlider horizontal = new DecimalSlider(0, 1);
    private final DecimalSlider vertical = new DecimalSlider(0, 1);
    private final DecimalSlider zoom = new DecimalSlider(1, PhotoImages.MAX_ZOOM);
    private final Image preview = new Image();
    private final Button associate = new Button();
    private final VerticalLayout printed = new VerticalLayout();
    private final VerticalLayout replacementFee = new VerticalLayout();
    private @Nullable FeePanel replacementFeePanel;
    private final VerticalLayout framing = new VerticalLayout(horizontal, vertical, zoom);
    private PhotoImages.@Nullable Upload upload;
    private byte @Nullable [] framed;
    private @Nullable PatronDetails patron;

    CardView(
            PatronService patrons,
            Cards cards,
            CardPrinting printing,
            CardSettings settings,
            PatronSettings patronSettings,
            Fees fees,
            Clock clock,
            ServerCamera serverCamera) {
        this.fees = fees;
        this.serverCamera = serverCamera;
        this.clock = clock;
        this.patrons = patrons;
        this.cards = cards;
        this.printing = printing;
        this.settings = settings;
        this.patronSettings = patronSettings;
        for (var slider : new DecimalSlider[] {horizontal, vertical, zoom}) {
            slider.setStep(0.01);
            slider.addValueChangeListener(e -> reframe());
        }
        horizontal.setValue(0.5);
        vertical.setValue(0.5);
        zoom.setValue(1.0);
        horizontal.setId("photo-horizontal");
        vertical.setId("photo-vertical");
        zoom.setId("photo-zoom");
        preview.setId("photo-preview");
        preview.setWidth(PhotoFrame.WIDTH_CSS);
        preview.setHeight(PhotoFrame.HEIGHT_CSS);
        associate.setId("photo-associate");
        associate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        associate.addClickListener(e -> associatePhoto());
        printed.setPadding(false);
        printed.setId("card-printed");
    }

    /** The on-screen size of the card's photo frame (4:5). */
    static final class PhotoFrame {
        static final String WIDTH_CSS = "160px";
        static final String HEIGHT_CSS = "200px";

        private PhotoFrame() {}
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        PatronPages.open(this, id, patrons::details, this::show);
    }

    private void show(PatronDetails details) {
        this.patron = details;
        removeAll();
        upload = null;
        framed = null;
        var title = new H1(getTranslation(
                "card.title", details.firstName() + " " + details.lastName(), details.primaryIdentifier()));
        title.setId("card-title");
        add(
                title,
                new Anchor("patrons/" + details.id(), getTranslation("registration.record")),
                status(details),
                photoSection(details),
                printSection(details),
                printed);
    }

    /**
     * R-CARD-2: the patron's identifier, names and card status, before anything is associated;
     * R-CARD-5: the online activation's back-off, which the desk lifts, and activation at the desk.
     */
    private Paragraph status(PatronDetails details) {
        var card = cards.current(details.id());
        String text = card.map(c ->
                        getTranslation("card.status." + c.status().name(), QueueTime.format(c.printedAt()), c.site()))
                .orElseGet(() -> getTranslation("card.status.none"));
        var status = new Paragraph(text);
        status.setId("card-status");
        if (card.isPresent() && (card.get().delayed() || card.get().failedAttempts() > 0)) {
            var c = card.get();
            var delay = new Span(" "
                    + (c.delayed()
                            ? getTranslation(
                                    "card.status.delayed",
                                    c.failedAttempts(),
                                    QueueTime.format(Objects.requireNonNull(c.delayedUntil())))
                            : getTranslation("card.status.failed", c.failedAttempts()))
                    + " ");
            delay.setId("card-backoff");
            var unlock = new Button(getTranslation("card.unlock"), e -> {
                cards.unlock(details.id());
                Notification.show(getTranslation("card.unlocked"), 4000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                show(patrons.details(details.id()));
            });
            unlock.setId("card-unlock");
            status.add(delay, unlock);
        }
        if (card.isPresent() && card.get().status() == Cards.Status.PRINTED) {
            var activate = new Button(getTranslation("card.activate-at-desk"), e -> {
                cards.activateAtDesk(details.id());
                Notification.show(getTranslation("card.activated-at-desk"), 4000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                show(patrons.details(details.id()));
            });
            activate.setId("card-activate-at-desk");
            status.add(new Span(" "), activate);
        }
        return status;
    }

    private VerticalLayout photoSection(PatronDetails details) {
        var section = section("card.photo");
        var advice = new UnorderedList();
        for (var key : new String[] {
            "card.photo.advice.face", "card.photo.advice.festive", "card.photo.advice.centre", "card.photo.advice.light"
        }) {
            advice.add(new ListItem(getTranslation(key)));
        }
        var current = cards.photo(details.id());
        var stored = new Image();
        stored.setId("photo-current");
        stored.setAlt(getTranslation("card.photo.current"));
        stored.setWidth(PhotoFrame.WIDTH_CSS);
        stored.setHeight(PhotoFrame.HEIGHT_CSS);
        current.ifPresentOrElse(jpeg -> stored.setSrc(dataUrl(jpeg)), () -> stored.setVisible(false));

        var camera = new BrowserCamera(bytes -> received(bytes, Cards.PhotoSource.CAMERA), this::error, clock);
        var uploader = new Upload(
                UploadHandler.inMemory((metadata, bytes) -> getUI().ifPresent(ui -> ui.access(() -> received(bytes)))));
        uploader.setId("photo-upload");
        uploader.setAcceptedMimeTypes("image/jpeg", "image/png");
        uploader.setAcceptedFileExtensions(".jpg", ".jpeg", ".png");
        uploader.setMaxFileSize(PhotoImages.MAX_BYTES);
        uploader.setMaxFiles(1);
        uploader.addFileRejectedListener(e -> error(getTranslation("photo.rejected.too-large-file")));
        uploader.setI18n(new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles()
                        .setOne(getTranslation("card.photo.upload.add"))
                        .setMany(getTranslation("card.photo.upload.add")))
                .setDropFiles(new UploadI18N.DropFiles()
                        .setOne(getTranslation("card.photo.upload.drop"))
                        .setMany(getTranslation("card.photo.upload.drop")))
                .setError(new UploadI18N.Error()
                        .setTooManyFiles(getTranslation("card.photo.upload.one"))
                        .setFileIsTooBig(getTranslation("photo.rejected.too-large-file"))
                        .setIncorrectFileType(getTranslation("card.photo.upload.type"))));

        horizontal.setLabel(getTranslation("card.photo.horizontal"));
        vertical.setLabel(getTranslation("card.photo.vertical"));
        zoom.setLabel(getTranslation("card.photo.zoom"));
        preview.setAlt(getTranslation("card.photo.preview"));
        associate.setText(getTranslation("card.photo.associate", details.primaryIdentifier()));
        associate.setEnabled(false);
        framing.setPadding(false);
        var row = new HorizontalLayout(stored, preview, framing);
        preview.setVisible(false);
        framing.setVisible(false);
        var cameraTitle = new H3(getTranslation("card.camera"));
        var uploadTitle = new H3(getTranslation("card.photo.upload"));
        section.add(advice, cameraTitle, camera);
        if (serverCamera.enabled() && onTheServersComputer()) {
            section.add(serverCameraButton());
        }
        section.add(uploadTitle, uploader, row, associate);
        return section;
    }

    /**
     * A desk station where the application runs on the desk computer takes the picture with the
     * camera attached to it (R-CARD-1). The capture answers within its timeout (5 s by default),
     * so the screen waits for it rather than handing the operator's session to another thread.
     */
    private Button serverCameraButton() {
        var take = new Button(getTranslation("card.camera.server.take"), e -> {
            switch (serverCamera.capture()) {
                case ServerCamera.Taken taken -> received(taken.jpeg(), Cards.PhotoSource.CAMERA);
                case ServerCamera.NoCamera none -> error(getTranslation("card.camera.server.none"));
                case ServerCamera.Disabled disabled -> error(getTranslation("card.camera.server.none"));
            }
        });
        take.setId("camera-server");
        take.setDisableOnClick(true);
        take.addClickListener(e -> take.setEnabled(true));
        return take;
    }

    /** The server's camera is for the desk at the server's own screen, not for every desk on the network. */
    private static boolean onTheServersComputer() {
        var session = VaadinSession.getCurrent();
        var address = session == null ? null : session.getBrowser().getAddress();
        try {
            return address != null
                    && address.matches("[0-9A-Fa-f:.]{2,45}")
                    && InetAddress.getByName(address).isLoopbackAddress(); // a literal: no lookup
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** An uploaded file: checked by its content, then shown framed, centred. */
    void received(byte[] bytes) {
        received(bytes, Cards.PhotoSource.UPLOAD);
    }

    /** A picture from a file or a camera: checked by its content, then shown framed, centred. */
    void received(byte[] bytes, Cards.PhotoSource from) {
        source = from;
        try {
            upload = PhotoImages.check(bytes);
        } catch (PhotoRejectedException e) {
            upload = null;
            framed = null;
            associate.setEnabled(false);
            error(getTranslation(e.reason().key()));
            return;
        }
        horizontal.setValue(0.5);
        vertical.setValue(0.5);
        zoom.setValue(1.0);
        reframe();
    }

    private void reframe() {
        if (upload == null) {
            return;
        }
        framed = PhotoImages.frame(
                upload.image(), new PhotoImages.Frame(horizontal.getValue(), vertical.getValue(), zoom.getValue()));
        preview.setSrc(dataUrl(framed));
        preview.setVisible(true);
        framing.setVisible(true);
        associate.setEnabled(patron != null);
    }

    private void associatePhoto() {
        var shown = current();
        if (framed == null) {
            return;
        }
        try {
            cards.associatePhoto(shown.id(), shown.primaryIdentifier(), framed, source);
            Notification.show(getTranslation("card.photo.associated"), 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            show(patrons.details(shown.id()));
        } catch (PatronRuleException e) {
            var v = e.violations().getFirst();
            error(getTranslation(v.messageKey(), v.args().toArray()));
        }
    }

    private VerticalLayout printSection(PatronDetails details) {
        var section = section("card.print");
        var hasCard = cards.current(details.id()).isPresent();
        if (hasCard && !printing.mayReprint()) {
            var managers = new Paragraph(getTranslation("card.reprint.manager-only"));
            managers.setId("card-reprint-managers");
            section.add(managers);
            return section;
        }
        var site = DeskSite.select(patronSettings, getTranslation("registration.site"), CardView::siteLabel);
        site.setId("card-site");
        var reason = new Select<Cards.Reason>();
        reason.setId("card-reason");
        reason.setLabel(getTranslation("card.reason"));
        reason.setItems(
                hasCard
                        ? List.of(
                                Cards.Reason.LOST,
                                Cards.Reason.DAMAGED,
                                Cards.Reason.DEFECTIVE_CHIP,
                                Cards.Reason.NEW_PHOTO)
                        : List.of(Cards.Reason.FIRST));
        reason.setItemLabelGenerator(r -> getTranslation("card.reason." + r.name()));
        reason.setValue(hasCard ? null : Cards.Reason.FIRST);
        reason.setReadOnly(!hasCard);
        var documents = new Select<Cards.Printing>();
        documents.setId("card-printing");
        documents.setLabel(getTranslation("card.printing"));
        documents.setItems(Cards.Printing.values());
        documents.setItemLabelGenerator(p -> getTranslation("card.printing." + p.name()));
        documents.setValue(Cards.Printing.CARD_AND_LETTER);
        site.addValueChangeListener(e -> {
            if (e.getValue() != null
                    && !settings.activatedPrintingSites().contains(e.getValue().code())) {
                documents.setValue(Cards.Printing.CARD_AND_LETTER);
            }
        });
        documents.setItemEnabledProvider(p -> p == Cards.Printing.CARD_AND_LETTER
                || settings.activatedPrintingSites().contains(site.getValue().code()));
        var language = details.preferredLanguage() == null
                ? Locale.FRENCH
                : details.preferredLanguage().locale();
        var feePanel = new FeePanel(
                fees,
                () -> site.getValue().code(),
                language,
                () -> showReplacementFee(details.id(), reason.getValue()));
        replacementFee.setPadding(false);
        replacementFee.setSpacing(false);
        replacementFee.setId("card-fee");
        replacementFeePanel = feePanel;
        reason.addValueChangeListener(e -> showReplacementFee(details.id(), e.getValue()));
        showReplacementFee(details.id(), reason.getValue());
        var print = new Button(getTranslation(hasCard ? "card.reprint" : "card.print.first"), e -> {
            if (reason.getValue() == null) {
                reason.setErrorMessage(getTranslation("rule.card.reprint-reason-required"));
                reason.setInvalid(true);
                return;
            }
            try {
                showPrinted(
                        printing.print(details.id(), site.getValue().code(), reason.getValue(), documents.getValue()));
                showReplacementFee(details.id(), null);
            } catch (OptimisticLockingFailureException ex) {
                PatronPages.changedMeanwhile(
                        this,
                        "card.printed-meanwhile",
                        () -> PatronPages.open(this, details.id(), patrons::details, this::show));
            } catch (FeesDueException ex) {
                error(
                        ex.total().signum() == 0
                                ? getTranslation(
                                        "card.fee.undecided",
                                        feePanel.money(
                                                fees.cardReplacementType().amount()))
                                : getTranslation("card.fee.due", feePanel.money(ex.total())));
            } catch (PatronRuleException ex) {
                var v = ex.violations().getFirst();
                error(getTranslation(v.messageKey(), v.args().toArray()));
            }
        });
        print.setId("card-print");
        print.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        section.add(new HorizontalLayout(site, reason, documents), replacementFee, print);
        return section;
    }

    private static String siteLabel(PatronSettings.Site site) {
        return site.code() + " · " + site.name();
    }

    /**
     * R-CARD-4, R-FEE-2: a reprint that costs the replacement fee shows it — to charge, then to
     * take in cash or have waived — before the card can be printed; a defective card's is free.
     */
    private void showReplacementFee(long patronId, Cards.@Nullable Reason reason) {
        replacementFee.removeAll();
        var panel = replacementFeePanel;
        if (reason == null || reason == Cards.Reason.FIRST || panel == null) {
            replacementFee.setVisible(false);
            return;
        }
        replacementFee.setVisible(true);
        var type = fees.cardReplacementType();
        if (!reason.paid()) {
            var free = new Paragraph(getTranslation("card.fee.free"));
            free.setId("card-fee-free");
            replacementFee.add(free);
            return;
        }
        var charged = fees.cardReplacementFee(patronId);
        if (charged.isEmpty()) {
            var charge = new Button(getTranslation("card.fee.charge", type.label(), panel.money(type.amount())), e -> {
                fees.chargeCardReplacement(patronId);
                showReplacementFee(patronId, reason);
            });
            charge.setId("card-fee-charge");
            replacementFee.add(
                    new Paragraph(getTranslation("card.fee.paid-reprint", panel.money(type.amount()), type.label())),
                    charge);
            return;
        }
        panel.show(List.of(charged.get()));
        replacementFee.add(panel);
    }

    /** The PDFs of the card just printed: made once, held by this screen only (the code is in them). */
    private void showPrinted(CardPrinting.Documents done) {
        var card = done.card();
        var identifier = done.identifier();
        printed.removeAll();
        var cardLink = new Anchor(
                DownloadHandler.fromInputStream(e -> new DownloadResponse(
                        new ByteArrayInputStream(card),
                        "carte-" + identifier + ".pdf",
                        "application/pdf",
                        card.length)),
                getTranslation("card.pdf.card"));
        cardLink.setId("card-pdf");
        cardLink.setTarget("_blank");
        printed.add(new Paragraph(getTranslation("card.printed.done")), cardLink);
        var letter = done.letter();
        if (letter != null) {
            var letterLink = new Anchor(
                    DownloadHandler.fromInputStream(e -> new DownloadResponse(
                            new ByteArrayInputStream(letter),
                            "lettre-" + identifier + ".pdf",
                            "application/pdf",
                            letter.length)),
                    getTranslation("card.pdf.letter"));
            letterLink.setId("letter-pdf");
            letterLink.setTarget("_blank");
            printed.add(letterLink);
        }
        var status = status(patrons.details(current().id()));
        replace(getComponentAt(2), status);
    }

    private void error(String message) {
        Notification.show(message, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private static String dataUrl(byte[] jpeg) {
        return "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg);
    }

    private VerticalLayout section(String titleKey) {
        var section = new VerticalLayout(new H2(getTranslation(titleKey)));
        section.setPadding(false);
        return section;
    }

    private PatronDetails current() {
        if (patron == null) {
            throw new IllegalStateException("No patron shown");
        }
        return patron;
    }

    @Override
    public String getPageTitle() {
        return (patron == null ? "" : patron.primaryIdentifier() + " · ") + getTranslation("card.page.title.desk");
    }

    /** Dates and times as the desk reads them. */
    static final class QueueTime {
        private static final DateTimeFormatter FORMAT =
                DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Europe/Brussels"));

        private QueueTime() {}

        static String format(Instant instant) {
            return FORMAT.format(instant);
        }
    }
}
