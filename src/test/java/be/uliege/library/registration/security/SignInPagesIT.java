package be.uliege.library.registration.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Vaadin pages and the sign-in over a real port (R-DESK-1): every page, and the redirect of a
 * desk page to the login page, carries the security headers (HSTS when the request came over
 * TLS, here told by a trusted proxy's {@code X-Forwarded-Proto}); {@code POST /login} signs in
 * only with the CSRF token of the login page; session ids never appear in a URL; a throttled
 * sign-in goes back to the login page with the moment to try again.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.forward-headers-strategy=native")
class SignInPagesIT {

    static final List<String> PAGES = List.of("/login", "/inscription", "/carte", "/patrons/1", "/queue");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SignInThrottleSettings throttleSettings;

    @AfterEach
    void forgetFailures() {
        jdbc.update("DELETE FROM sign_in_failure");
    }

    private HttpClient client() {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager())
                .build();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", "fr");
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyPageAndTheRedirectToTheLoginPageCarryTheSecurityHeaders() throws Exception {
        var client = client();
        for (var path : PAGES) {
            var response = send(client, request(path).build());
            assertThat(response.statusCode()).as(path).isIn(200, 302);
            var headers = response.headers();
            assertThat(headers.firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValue(SecurityConfiguration.CONTENT_SECURITY_POLICY);
            assertThat(headers.firstValue("Permissions-Policy"))
                    .as(path)
                    .hasValue(SecurityConfiguration.PERMISSIONS_POLICY);
            assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
            assertThat(headers.firstValue("X-Frame-Options")).as(path).isPresent();
            assertThat(headers.firstValue("Strict-Transport-Security"))
                    .as(path + " over plain http")
                    .isEmpty();

            var overTls = send(
                    client, request(path).header("X-Forwarded-Proto", "https").build());
            assertThat(overTls.headers().firstValue("Strict-Transport-Security"))
                    .as(path + " over https")
                    .hasValue("max-age=31536000 ; includeSubDomains");
        }
        assertThat(send(client, request("/patrons/1").build()).headers().firstValue("Location"))
                .get()
                .asString()
                .endsWith("/login");
    }

    @Test
    void theContentSecurityPolicyKeepsEverythingToThisSite_andOnlyTheCameraIsAllowed() {
        var csp = SecurityConfiguration.CONTENT_SECURITY_POLICY;
        assertThat(csp)
                .contains(
                        "default-src 'self'",
                        "object-src 'none'",
                        "base-uri 'self'",
                        "form-action 'self'",
                        "frame-ancestors 'none'",
                        "connect-src 'self'")
                .doesNotContain("*", "http:", "https:");
        var permissions = List.of(SecurityConfiguration.PERMISSIONS_POLICY.split(", "));
        assertThat(permissions).contains("camera=(self)", "microphone=()", "geolocation=()");
        assertThat(permissions).filteredOn(p -> !p.endsWith("=()")).containsExactly("camera=(self)");
    }

    @Test
    void theApiKeepsItsOwnHeaders() throws Exception {
        var response =
                send(client(), request("/api/v1/reference/job-categories").build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    /** The login page's CSRF token, read from the meta tags Vaadin writes for its login form. */
    private static String[] csrfOf(HttpResponse<String> loginPage) {
        var parameter = Pattern.compile("<meta name=\"_csrf_parameter\" content=\"([^\"]+)\"")
                .matcher(loginPage.body());
        var token = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(parameter.find()).as("the _csrf_parameter meta tag").isTrue();
        assertThat(token.find()).as("the _csrf meta tag").isTrue();
        return new String[] {parameter.group(1), token.group(1)};
    }

    private static String form(String... pairs) {
        var form = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            form.append(form.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return form.toString();
    }

    private HttpRequest postLogin(String body) {
        return request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private boolean signedIn(HttpClient client) throws Exception {
        var desk = send(client, request("/patrons/1").build());
        return desk.statusCode() == 200;
    }

    @Test
    void aLoginPostWithoutTheTokenOfTheLoginPageDoesNotSignIn() throws Exception {
        // A forged form from another site: no session, no token.
        var forged = client();
        var response = send(forged, postLogin(form("username", "operator", "password", "demo-operator")));
        assertThat(response.statusCode()).isIn(302, 403);
        response.headers()
                .firstValue("Location")
                .ifPresent(location -> assertThat(location).contains("/login"));
        assertThat(signedIn(forged)).isFalse();

        // With the login page's session but a made-up token.
        var guessing = client();
        send(guessing, request("/login").build());
        var wrongToken = send(
                guessing,
                postLogin(form(
                        "username",
                        "operator",
                        "password",
                        "demo-operator",
                        "_csrf",
                        UUID.randomUUID().toString())));
        assertThat(wrongToken.statusCode()).isIn(302, 403);
        assertThat(signedIn(guessing)).isFalse();
    }

    @Test
    void theLoginFormWithItsTokenSignsIn_andNoUrlCarriesTheSessionId() throws Exception {
        var client = client();
        var desk = send(client, request("/patrons/1").build());
        assertThat(desk.headers().firstValue("Location")).get().asString().doesNotContainIgnoringCase("jsessionid");
        var loginPage = send(client, request("/login").build());
        assertThat(loginPage.statusCode()).isEqualTo(200);
        assertThat(loginPage.body()).doesNotContainIgnoringCase("jsessionid");
        var csrf = csrfOf(loginPage);

        var signIn =
                send(client, postLogin(form("username", "operator", "password", "demo-operator", csrf[0], csrf[1])));
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location"))
                .get()
                .asString()
                .doesNotContain("/login")
                .doesNotContainIgnoringCase("jsessionid");
        assertThat(signedIn(client)).isTrue();
        var page = send(client, request("/patrons/1").build());
        assertThat(page.body()).doesNotContainIgnoringCase("jsessionid");
    }

    @Test
    void aThrottledSignInGoesBackToTheLoginPageWithTheMomentToTryAgain() throws Exception {
        var client = client();
        var uid = "web-" + UUID.randomUUID().toString().substring(0, 8);
        String location = "";
        for (int i = 0; i <= throttleSettings.account().freeFailures(); i++) {
            var csrf = csrfOf(send(client, request("/login").build()));
            var response = send(client, postLogin(form("username", uid, "password", "wrong", csrf[0], csrf[1])));
            assertThat(response.statusCode()).isEqualTo(302);
            location = response.headers().firstValue("Location").orElseThrow();
            if (i < throttleSettings.account().freeFailures()) {
                assertThat(location).endsWith("/login?error");
            }
        }
        assertThat(location).containsPattern("/login\\?error&retry=\\d+$").doesNotContainIgnoringCase("jsessionid");
    }
}
