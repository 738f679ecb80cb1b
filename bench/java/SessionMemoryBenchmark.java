import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;

/**
 * Memory per anonymous pre-registration session (R-PRE-6): opens many sessions of the public form
 * as a browser would (the page, then Vaadin's init request that builds the form on the server),
 * keeps them alive, and compares the heap after garbage collection before and after. Target: at
 * most 150 KB per session.
 *
 * Usage: bench/session-memory.sh [sessions=1000]
 */
public class SessionMemoryBenchmark {

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        var context = BenchApp.start(java.util.Map.of());
        try {
            var base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
            // Warm up: classes loaded, caches filled, as on a server that has been running.
            var warm = new ArrayList<HttpClient>();
            for (int i = 0; i < 50; i++) {
                warm.add(open(base));
            }
            long before = usedHeapAfterGc();
            var clients = new ArrayList<HttpClient>();
            int uis = 0;
            for (int i = 0; i < sessions; i++) {
                var client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
                if (init(client, base)) {
                    uis++;
                }
                clients.add(client);
            }
            long after = usedHeapAfterGc();
            double perSession = (after - before) / (double) sessions / 1024;
            System.out.printf("%d sessions opened (%d with the form built on the server): heap after GC %,d KB -> %,d KB%n",
                    sessions, uis, before / 1024, after / 1024);
            if (uis < sessions) {
                System.out.printf("Memory per anonymous session: %.1f KB, but INCOMPLETE: plain HTTP clients get a "
                        + "session and a UI, not the form's component tree (the browser builds it in a later request) "
                        + "-> no verdict against the 150 KB target%n", perSession);
            } else {
                System.out.printf("Memory per anonymous form session: %.1f KB (target: at most 150 KB) -> %s%n",
                        perSession, perSession <= 150 ? "MET" : "NOT MET");
            }
            System.out.printf("Idle anonymous sessions end after %d minutes.%n",
                    be.uliege.library.registration.preregistration.ui.PreRegistrationView.ANONYMOUS_SESSION_SECONDS / 60);
            if (clients.size() + warm.size() < 0) {
                System.out.println("unreachable: keeps the clients (and their session cookies) alive");
            }
        } finally {
            context.close();
        }
        System.exit(0);
    }

    static HttpClient open(String base) throws Exception {
        var client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        init(client, base);
        return client;
    }

    /** The page, then the init request a browser makes, which creates the UI and the form. */
    static boolean init(HttpClient client, String base) throws Exception {
        var page = client.send(HttpRequest.newBuilder(URI.create(base + "/inscription")).header("Accept-Language", "fr").build(),
                HttpResponse.BodyHandlers.ofString());
        if (System.getProperty("bench.debug") != null) {
            System.out.println("PAGE " + page.statusCode() + " " + page.body().contains("field-firstName") + " " + page.body().length());
        }
        var init = client.send(HttpRequest.newBuilder(URI.create(base
                        + "/?v-r=init&location=inscription&query=&v-browserDetails=1")).header("Accept-Language", "fr").build(),
                HttpResponse.BodyHandlers.ofString());
        if (System.getProperty("bench.debug") != null) {
            System.out.println("INIT " + init.statusCode() + " " + init.body().substring(0, Math.min(300, init.body().length())));
        }
        return init.statusCode() == 200 && init.body().contains("field-firstName")
                || page.statusCode() == 200 && page.body().contains("field-firstName");
    }

    static long usedHeapAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
