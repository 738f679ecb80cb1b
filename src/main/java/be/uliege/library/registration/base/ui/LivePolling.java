package be.uliege.library.registration.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A screen that follows a job while it runs (a load, a purge): refreshed at each poll of the page
 * while the job runs, no polling once it ended or the screen is left. Also the short form of a
 * job's duration in its list.
 */
public final class LivePolling {

    private final Runnable refresh;
    private @Nullable Registration registration;

    public LivePolling(Runnable refresh) {
        this.refresh = refresh;
    }

    /** From the screen's {@code onAttach}: refreshed now and at each poll. */
    public void attach(AttachEvent event) {
        registration = event.getUI().addPollListener(e -> refresh.run());
        refresh.run();
    }

    /** From the screen's {@code onDetach}: no more polling. */
    public void detach(DetachEvent event) {
        if (registration != null) {
            registration.remove();
            registration = null;
        }
        event.getUI().setPollInterval(-1);
    }

    /** Polls every two seconds while a job runs, not at all otherwise. */
    public static void whileRunning(UI ui, boolean running) {
        ui.setPollInterval(running ? 2000 : -1);
    }

    /** "42 s", "3 min 5 s"; empty for a job still running. */
    public static String duration(@Nullable Duration duration) {
        if (duration == null) {
            return "";
        }
        long seconds = duration.toSeconds();
        return seconds < 60 ? seconds + " s" : (seconds / 60) + " min " + (seconds % 60) + " s";
    }
}
