package be.uliege.library.registration.card.ui;

import be.uliege.library.registration.card.PhotoImages;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.dom.Element;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The desk's camera in the browser (R-CARD-1): a live preview through {@code getUserMedia}, 60
 * seconds to take the picture, then cancel, retake or choose it. The picture travels to the server
 * as a JPEG only when taken; the screen that holds this camera checks it like any upload. The
 * browser asks for the camera only on a secure page (HTTPS, or the desk computer itself).
 */
final class BrowserCamera extends VerticalLayout {

    /** How long the live preview stays open for the picture to be taken. */
    static final Duration WINDOW = Duration.ofSeconds(60);

    private static final String JPEG_URL = "data:image/jpeg;base64,";
    private static final int JPEG_URL_LENGTH = JPEG_URL.length();

    /** The largest picture accepted from the browser, as the data URL's characters (base64 of the upload limit). */
    static final int MAX_DATA_URL = JPEG_URL_LENGTH + (PhotoImages.MAX_BYTES + 2) / 3 * 4;

    /** The one stream of the page, kept on the window so that leaving the screen can stop it. */
    private static final String STOP = """
            const s = window.__deskCamera; window.__deskCamera = null;
            if (s) { s.getTracks().forEach(t => t.stop()); }
            const video = document.getElementById('camera-video');
            if (video) { clearInterval(video.__tick); video.srcObject = null; }""";

    private static final String START = """
            const video = $0, countdown = $1;
            if (!window.isSecureContext || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
              return 'insecure';
            }
            try {
              video.removeAttribute('poster');
              const old = window.__deskCamera; if (old) { old.getTracks().forEach(t => t.stop()); }
              const stream = await navigator.mediaDevices.getUserMedia(
                  { video: { width: { ideal: 1280 }, height: { ideal: 960 } }, audio: false });
              if (!video.isConnected) {
                // The operator left the screen while the browser was asking: no camera for nobody.
                stream.getTracks().forEach(t => t.stop());
                return 'left';
              }
              window.__deskCamera = stream;
              video.srcObject = stream;
              await video.play();
              const until = Date.now() + $2 * 1000;
              clearInterval(video.__tick);
              const tick = () => {
                const left = Math.max(0, Math.ceil((until - Date.now()) / 1000));
                countdown.textContent = $3.replace('{0}', left);
                if (left === 0) {
                  clearInterval(video.__tick);
                  stream.getTracks().forEach(t => t.stop());
                  if (window.__deskCamera === stream) { window.__deskCamera = null; }
                  video.srcObject = null;
                  video.dispatchEvent(new CustomEvent('camera-expired'));
                }
              };
              tick();
              video.__tick = setInterval(tick, 250);
              return 'started';
            } catch (e) {
              return 'error:' + e.name;
            }""";

    private static final String TAKE = """
            const video = $0;
            if (!video.srcObject || !video.videoWidth) { return null; }
            const canvas = document.createElement('canvas');
            canvas.width = video.videoWidth;
            canvas.height = video.videoHeight;
            canvas.getContext('2d').drawImage(video, 0, 0);
            clearInterval(video.__tick);
            // The picture stays on the screen; the camera itself goes off (retake opens it again).
            video.poster = canvas.toDataURL('image/jpeg', 0.6);
            const s = window.__deskCamera; window.__deskCamera = null;
            if (s) { s.getTracks().forEach(t => t.stop()); }
            video.srcObject = null;
            return canvas.toDataURL('image/jpeg', 0.92);""";

    private enum State {
        IDLE,
        LIVE,
        TAKEN
    }

    private final Element video = new Element("video");
    private final Element countdown = new Element("span");
    private final Paragraph message = new Paragraph();
    private final Button start = new Button();
    private final Button take = new Button();
    private final Button retake = new Button();
    private final Button choose = new Button();
    private final Button cancel = new Button();
    private final Consumer<byte[]> chosen;
    private final Consumer<String> refused;
    private final Clock clock;
    private byte @Nullable [] taken;
    private @Nullable Instant openedAt;

    /**
     * @param chosen  receives the picture the operator chose, as JPEG bytes (not checked yet)
     * @param refused receives what went wrong, in words, for the operator
     */
    BrowserCamera(Consumer<byte[]> chosen, Consumer<String> refused, Clock clock) {
        this.chosen = chosen;
        this.refused = refused;
        this.clock = clock;
        setPadding(false);
        setId("camera");
        video.setAttribute("id", "camera-video");
        video.setAttribute("playsinline", true);
        video.setAttribute("muted", true);
        video.getStyle()
                .set("width", "320px")
                .set("height", "240px")
                .set("background", "#222")
                .set("object-fit", "contain")
                .set("border-radius", "4px");
        countdown.setAttribute("id", "camera-countdown");
        countdown.setAttribute("aria-live", "off");
        message.setId("camera-message");
        start.setId("camera-start");
        take.setId("camera-take");
        retake.setId("camera-retake");
        choose.setId("camera-choose");
        cancel.setId("camera-cancel");
        take.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        choose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> open());
        take.addClickListener(e -> take());
        retake.addClickListener(e -> open());
        choose.addClickListener(e -> choose());
        cancel.addClickListener(e -> close(null));
        video.addEventListener("camera-expired", e -> close(getTranslation("card.camera.expired", WINDOW.toSeconds())));
        var preview = new Span();
        preview.getElement().appendChild(video);
        var time = new Span();
        time.getElement().appendChild(countdown);
        add(preview, time, new HorizontalLayout(start, take, retake, choose, cancel), message);
        show(State.IDLE);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        start.setText(getTranslation("card.camera.start"));
        take.setText(getTranslation("card.camera.take"));
        retake.setText(getTranslation("card.camera.retake"));
        choose.setText(getTranslation("card.camera.choose"));
        cancel.setText(getTranslation("common.cancel"));
        video.setAttribute("aria-label", getTranslation("card.camera.preview"));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        // The operator left the screen: the camera's light goes off.
        event.getUI().getPage().executeJs(STOP);
        openedAt = null;
    }

    private void open() {
        taken = null;
        message.setText(getTranslation("card.camera.asking"));
        video.executeJs(START, video, countdown, WINDOW.toSeconds(), getTranslation("card.camera.countdown"))
                .then(
                        String.class,
                        outcome -> {
                            if ("left".equals(outcome)) {
                                return;
                            }
                            if ("started".equals(outcome)) {
                                openedAt = clock.instant();
                                message.setText(getTranslation("card.camera.live", WINDOW.toSeconds()));
                                show(State.LIVE);
                            } else {
                                close(getTranslation(
                                        switch (outcome == null ? "" : outcome) {
                                            case "insecure" -> "card.camera.insecure";
                                            case "error:NotAllowedError", "error:SecurityError" -> "card.camera.denied";
                                            case "error:NotFoundError", "error:OverconstrainedError" ->
                                                "card.camera.none";
                                            case "error:NotReadableError", "error:AbortError" -> "card.camera.busy";
                                            default -> "card.camera.failed";
                                        }));
                            }
                        },
                        error -> close(getTranslation("card.camera.failed")));
    }

    private void take() {
        if (openedAt == null || clock.instant().isAfter(openedAt.plus(WINDOW).plusSeconds(2))) {
            close(getTranslation("card.camera.expired", WINDOW.toSeconds()));
            return;
        }
        video.executeJs(TAKE, video)
                .then(
                        String.class,
                        dataUrl -> {
                            var jpeg = jpeg(dataUrl);
                            if (jpeg == null) {
                                close(getTranslation("card.camera.failed"));
                                return;
                            }
                            taken = jpeg;
                            message.setText(getTranslation("card.camera.taken"));
                            show(State.TAKEN);
                        },
                        error -> close(getTranslation("card.camera.failed")));
    }

    private void choose() {
        var picture = taken;
        close(null);
        if (picture != null) {
            chosen.accept(picture);
        }
    }

    /** Stops the camera; a reason, if any, is shown and told to the screen. */
    private void close(@Nullable String why) {
        video.executeJs(STOP);
        taken = null;
        openedAt = null;
        message.setText(why == null ? "" : why);
        show(State.IDLE);
        if (why != null) {
            refused.accept(why);
        }
    }

    private void show(State state) {
        start.setVisible(state == State.IDLE);
        take.setVisible(state == State.LIVE);
        retake.setVisible(state == State.TAKEN);
        choose.setVisible(state == State.TAKEN);
        cancel.setVisible(state != State.IDLE);
        // Hidden by style, not by Vaadin's visibility: the browser must keep the video element to play into it.
        countdown.getStyle().set("display", state == State.LIVE ? "inline" : "none");
        video.getStyle().set("display", state == State.IDLE ? "none" : "block");
    }

    /** The JPEG of a data URL from the browser, or null when it is not one (or too large). */
    static byte @Nullable [] jpeg(@Nullable String dataUrl) {
        if (dataUrl == null || dataUrl.length() > MAX_DATA_URL || !dataUrl.startsWith(JPEG_URL)) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(dataUrl.substring(JPEG_URL.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
