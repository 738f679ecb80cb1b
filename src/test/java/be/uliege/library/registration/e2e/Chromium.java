package be.uliege.library.registration.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's Chromium, driven by Playwright (which downloads nothing), with the flags that work on
 * these machines: no sandbox as root, and no background connections to a closed network.
 */
final class Chromium implements AutoCloseable {

    private final Playwright playwright;
    final Browser browser;

    private Chromium() {
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    static Chromium launch() {
        return new Chromium();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
