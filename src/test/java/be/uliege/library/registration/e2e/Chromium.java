package be.uliege.library.registration.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's Chromium, driven by Playwright (which downloads nothing), with the flags that work on
 * these machines: no sandbox as root, and no background connections to a closed network.
 */
final class Chromium implements AutoCloseable {

    private final Playwright playwright;
    final Browser browser;

    private Chromium(List<String> more) {
        playwright = Playwright.create();
        var args = new ArrayList<>(List.of(
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync"));
        args.addAll(more);
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of("/usr/bin/chromium"))
                        .setHeadless(true)
                        .setArgs(args));
    }

    static Chromium launch() {
        return new Chromium(List.of());
    }

    /**
     * With Chromium's own test camera (a moving pattern) standing in for the desk's: no camera
     * can be plugged into the machine that runs the tests. The permission prompt is accepted.
     */
    static Chromium launchWithFakeCamera() {
        return new Chromium(List.of("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"));
    }

    /** Signs in on the desk's login page (French labels), as a member of staff types it. */
    static void signIn(Page page, String uid, String password) {
        page.getByLabel("Identifiant").fill(uid);
        page.getByLabel("Mot de passe").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter"))
                .click();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
