import be.uliege.library.registration.preregistration.ui.PreRegistrationView;
import com.vaadin.flow.server.VaadinServlet;
import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.management.ObjectName;
import org.apache.catalina.Context;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationContext;

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
        var context = BenchApp.start(Map.of());
        try {
            var base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
            // Warm up: classes loaded, caches filled, as on a server that has been running.
            for (int i = 0; i < 50; i++) {
                open(base);
            }
            System.out.printf("Vaadin runs in %s mode%n", productionMode(context) ? "production" : "DEVELOPMENT");
            long before = usedHeapAfterGc();
            int sessionsBefore = activeSessions(context);
            var histogramBefore = System.getProperty("bench.histogram") != null ? histogram() : null;
            int forms = 0;
            for (int i = 0; i < sessions; i++) {
                if (open(base)) {
                    forms++;
                }
            }
            long after = usedHeapAfterGc();
            int alive = activeSessions(context) - sessionsBefore;
            if (histogramBefore != null) {
                printGrowth(histogramBefore, histogram(), sessions);
            }
            double perSession = (after - before) / (double) sessions / 1024;
            System.out.printf(
                    "%d sessions opened, %d with the form built on the server, %d alive on the server at the end: "
                            + "heap after GC %,d KB -> %,d KB%n",
                    sessions, forms, alive, before / 1024, after / 1024);
            if (forms < sessions || alive < sessions) {
                System.out.printf(
                        "Memory per anonymous session: %.1f KB, but some sessions did not get their form or "
                                + "ended early -> no verdict%n",
                        perSession);
            } else {
                System.out.printf(
                        "Memory per anonymous form session: %.1f KB (target: at most 150 KB) -> %s%n",
                        perSession, perSession <= 150 ? "MET" : "NOT MET");
            }
            System.out.printf(
                    "Idle anonymous sessions end after %d minutes.%n",
                    PreRegistrationView.ANONYMOUS_SESSION_SECONDS / 60);
        } finally {
            context.close();
        }
        System.exit(0);
    }

    /** The sessions the web server holds. */
    static int activeSessions(ApplicationContext context) {
        var server = (TomcatWebServer) ((WebServerApplicationContext) context).getWebServer();
        return ((Context) server.getTomcat().getHost().findChildren()[0])
                .getManager()
                .getActiveSessions();
    }

    static boolean productionMode(ApplicationContext context) {
        for (var registration :
                context.getBeansOfType(ServletRegistrationBean.class).values()) {
            if (registration.getServlet() instanceof VaadinServlet vaadin) {
                return vaadin.getService().getDeploymentConfiguration().isProductionMode();
            }
        }
        throw new IllegalStateException("No Vaadin servlet");
    }

    /**
     * One visitor: a client of its own, which is closed afterwards, so that only the server's
     * memory is measured (the session lives on, as when a robot walks away).
     */
    static boolean open(String base) throws Exception {
        try (var client =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build()) {
            return init(client, base);
        }
    }

    /** -Drobots: clients stop after the form arrived, as a robot would; the browser's next message never comes. */
    static final boolean ROBOTS = Boolean.getBoolean("robots");

    static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\"\\s*:\\s*\"([^\"]+)\"");

    /**
     * What a browser does to show the form: the page, Vaadin's init request (session and UI), then
     * the navigation request that builds the form's components on the server. The client never
     * says goodbye (no unload message), as a robot would not.
     */
    static boolean init(HttpClient client, String base) throws Exception {
        var page = client.send(
                HttpRequest.newBuilder(URI.create(base + "/inscription"))
                        .header("Accept-Language", "fr")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        var init = client.send(
                HttpRequest.newBuilder(URI.create(base + "/?v-r=init&location=inscription&query=&v-browserDetails=1"))
                        .header("Accept-Language", "fr")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        var key = SECURITY_KEY.matcher(init.body());
        if (page.statusCode() != 200 || init.statusCode() != 200 || !key.find()) {
            if (System.getProperty("bench.debug") != null) {
                System.out.println("INIT " + init.statusCode() + " " + init.body());
            }
            return false;
        }
        var navigate = client.send(
                HttpRequest.newBuilder(URI.create(base + "/?v-r=uidl&v-uiId=0"))
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .header("Accept-Language", "fr")
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"csrfToken":"%s","rpc":[{"type":"event","node":1,"event":"ui-navigate","data":\
                                {"route":"/inscription","query":"","appShellTitle":"","historyState":{"idx":0},"trigger":""}}],\
                                "syncId":0,"clientId":0}""".formatted(key.group(1))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (navigate.statusCode() != 200 || !navigate.body().contains("field-firstName")) {
            return false;
        }
        if (ROBOTS) {
            return true;
        }
        // A browser's next message (here an empty one): Vaadin keeps the last answer it sent, to
        // send it again if the browser did not get it; after this it keeps this short one.
        var next = client.send(
                HttpRequest.newBuilder(URI.create(base + "/?v-r=uidl&v-uiId=0"))
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"csrfToken":"%s","rpc":[],"syncId":1,"clientId":1}""".formatted(key.group(1))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return next.statusCode() == 200;
    }

    /** Bytes per class name, from the JVM's class histogram (which collects garbage first). */
    static Map<String, long[]> histogram() throws Exception {
        var text = (String) ManagementFactory.getPlatformMBeanServer()
                .invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"),
                        "gcClassHistogram",
                        new Object[] {null},
                        new String[] {String[].class.getName()});
        var result = new HashMap<String, long[]>();
        for (var line : text.split("\n")) {
            var f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":")) {
                result.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
            }
        }
        return result;
    }

    /** The classes whose instances grew most, per session. */
    static void printGrowth(Map<String, long[]> before, Map<String, long[]> after, int sessions) {
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), new long[] {
                    e.getValue()[0] - before.getOrDefault(e.getKey(), new long[2])[0],
                    e.getValue()[1] - before.getOrDefault(e.getKey(), new long[2])[1]
                }))
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .limit(40)
                .forEach(e -> System.out.printf(
                        "  %8.1f objects %8.1f KB  %s%n",
                        e.getValue()[0] / (double) sessions, e.getValue()[1] / 1024.0 / sessions, e.getKey()));
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
