package be.uliege.library.registration.preregistration;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.base.SystemPrincipal;
import be.uliege.library.registration.base.Text;
import be.uliege.library.registration.embedded.EmbeddedServers;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public API end to end on the embedded MariaDB and mail server: submit, mail, confirm
 * (R-PRE-1…4), double submission, the challenge, the hidden field and the rate limits (R-PRE-6).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PreRegistrationApiIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Pattern LINK_TOKEN = Pattern.compile("confirmation\\?token=([A-Za-z0-9_-]+)");

    @LocalServerPort
    int port;

    @Autowired
    RateLimiter rateLimiter;

    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    @AfterEach
    void forgetRates() {
        rateLimiter.reset();
    }

    static String body(String email) {
        return """
                {"firstName":"Élodie","lastName":"Dupré-Test","birthDate":"1990-04-12","gender":"F",
                 "preferredLanguage":"fre","email":"%s","phone":"0475 12 34 56",
                 "address":{"line1":"Rue de la Cathédrale 12 bte 3","postalCode":"4000","city":"Liège","country":"BE"},
                 "jobCategory":"AUTRE HE / UNIV","jobDescription":"Haute École Charlemagne","use":"PRIVATE",
                 "privacyNoticeVersion":"2026-1","privacyNoticeAccepted":true}""".formatted(email);
    }

    static String uniqueEmail() {
        return "elodie." + UUID.randomUUID().toString().substring(0, 8) + "@example.be";
    }

    JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** Adds a solved challenge to a JSON object body, as the page's script does. */
    String withChallenge(String body) {
        var challenge = JSON.readTree(get("/api/v1/pre-registrations/challenge").body());
        var c = challenge.get("challenge").asString();
        var nonce = ProofOfWork.solve(c, challenge.get("difficulty").asInt());
        var node = (tools.jackson.databind.node.ObjectNode) JSON.readTree(body);
        node.put("challenge", c);
        node.put("nonce", nonce);
        return node.toString();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET()
                .build());
    }

    HttpResponse<String> post(String path, String body, String language) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Accept-Language", language)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded subject and body of the latest mail to the address whose subject contains the text. */
    static String mailTo(String email, String subjectPart) throws Exception {
        var mail = EmbeddedServers.running().mail();
        for (int i = 0; i < 100; i++) {
            for (var m : mail.getReceivedMessages()) {
                if (m.getAllRecipients()[0].toString().equals(email)
                        && m.getSubject().contains(subjectPart)) {
                    return m.getSubject() + "\n" + m.getContent();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No mail to " + email);
    }

    static String mailTo(String email) throws Exception {
        return mailTo(email, "");
    }

    @Test
    void rPre3_rPre4_submitThenConfirmByTheMailedSingleUseLink() throws Exception {
        var email = uniqueEmail();
        var response = post("/api/v1/pre-registrations", withChallenge(body(email)), "fr");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        var id = json(response).get("id").asString();
        assertThat(id).matches("B95\\d{4}");
        assertThat(json(response).get("status").asString()).isEqualTo("AWAITING_EMAIL_CONFIRMATION");
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/pre-registrations/" + id);
        // Stateless: a flood of API calls cannot fill the server with sessions.
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(get("/api/v1/pre-registrations/challenge").headers().allValues("Set-Cookie"))
                .isEmpty();
        assertThat(jdbc.queryForObject("select status from patron where primary_identifier = ?", String.class, id))
                .isEqualTo("INACTIVE");

        // The mail: in the patron's language, Madame, the identifier, what to bring, the link.
        var mail = mailTo(email);
        assertThat(mail)
                .contains(id)
                .contains("Madame Dupré-Test")
                .contains("pièce d’identité")
                .contains("5 €");
        var token = LINK_TOKEN.matcher(mail);
        assertThat(token.find()).isTrue();
        assertThat(token.group(1)).hasSizeGreaterThanOrEqualTo(43); // 256 bits
        // Only the hash is stored.
        assertThat(jdbc.queryForObject(
                        "select count(*) from pre_registration_token where token_hash = ?",
                        Integer.class,
                        token.group(1)))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from pre_registration_token where token_hash = ?",
                        Integer.class,
                        PreRegistrationService.hash(token.group(1))))
                .isEqualTo(1);
        assertThat(queue()).doesNotContain(id);

        var confirmed = post("/api/v1/pre-registrations/confirmations", "{\"token\":\"" + token.group(1) + "\"}", "fr");
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(queue()).contains(id);

        var again = post("/api/v1/pre-registrations/confirmations", "{\"token\":\"" + token.group(1) + "\"}", "fr");
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(post("/api/v1/pre-registrations/confirmations", "{\"token\":\"made-up\"}", "fr")
                        .statusCode())
                .isEqualTo(410);
    }

    @Test
    void rPre6_aRepeatedSubmissionReturnsTheFirstEntry_neverASecondRecord() {
        var email = uniqueEmail();
        var first = post("/api/v1/pre-registrations", withChallenge(body(email)), "fr");
        var count = jdbc.queryForObject("select count(*) from patron", Long.class);
        var second = post("/api/v1/pre-registrations", withChallenge(body(email)), "fr");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json(second).get("id").asString())
                .isEqualTo(json(first).get("id").asString());
        assertThat(jdbc.queryForObject("select count(*) from patron", Long.class))
                .isEqualTo(count);
    }

    /** A body for someone else: own names, birth date, e-mail and phone. */
    static String person(String first, String last, String birthDate, String email, String phone) {
        return body(email)
                .replace("\"Élodie\"", "\"" + first + "\"")
                .replace("\"Dupré-Test\"", "\"" + last + "\"")
                .replace("1990-04-12", birthDate)
                .replace("0475 12 34 56", phone);
    }

    static String randomMobile() {
        return "0476 " + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    boolean flagged(HttpResponse<String> response) {
        return jdbc.queryForObject(
                "select possible_duplicate from pre_registration where patron_identifier = ?",
                Boolean.class,
                json(response).get("id").asString());
    }

    @Test
    void rPre5_aSubmissionResemblingAnExistingPersonIsFlaggedForStaff_theAnswerIsTheSame() {
        var birth = "19" + (40 + ThreadLocalRandom.current().nextInt(50)) + "-0"
                + (1 + ThreadLocalRandom.current().nextInt(9)) + "-1"
                + ThreadLocalRandom.current().nextInt(10);
        var last = "Résemblance" + UUID.randomUUID().toString().substring(0, 4).replaceAll("\\d", "x");
        var email = uniqueEmail();
        var phone = randomMobile();
        var first = post("/api/v1/pre-registrations", withChallenge(person("Anne", last, birth, email, phone)), "fr");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(flagged(first)).isFalse();

        // The same e-mail, someone else's name.
        var sameEmail = post(
                "/api/v1/pre-registrations",
                withChallenge(person("Bruno", "Autre", "1970-01-01", email, randomMobile())),
                "fr");
        // The same phone typed another way.
        var samePhone = post(
                "/api/v1/pre-registrations",
                withChallenge(person(
                        "Chloé",
                        "Autrement",
                        "1971-02-02",
                        uniqueEmail(),
                        "+32 " + phone.substring(1).replace(" ", "."))),
                "fr");
        // The same birth date and last name, accents and case aside.
        var sameName = post(
                "/api/v1/pre-registrations",
                withChallenge(person(
                        "Anne-Marie",
                        Text.searchKey(last).toUpperCase(Locale.ROOT),
                        birth,
                        uniqueEmail(),
                        randomMobile())),
                "fr");
        // Nothing in common.
        var stranger = post(
                "/api/v1/pre-registrations",
                withChallenge(person("Denis", "Étranger", "1965-05-05", uniqueEmail(), randomMobile())),
                "fr");

        for (var response : List.of(sameEmail, samePhone, sameName, stranger)) {
            assertThat(response.statusCode()).isEqualTo(201);
            // What the public sees says nothing of the resemblance.
            assertThat(json(response).propertyNames()).containsExactlyInAnyOrder("id", "status");
            assertThat(json(response).get("status").asString()).isEqualTo("AWAITING_EMAIL_CONFIRMATION");
        }
        assertThat(flagged(sameEmail)).as("same e-mail").isTrue();
        assertThat(flagged(samePhone)).as("same phone").isTrue();
        assertThat(flagged(sameName)).as("same birth date and last name").isTrue();
        assertThat(flagged(stranger)).as("nothing in common").isFalse();
    }

    @Test
    void rPre6_withoutAValidChallengeNothingIsStored() {
        var count = jdbc.queryForObject("select count(*) from patron", Long.class);
        var none = post("/api/v1/pre-registrations", body(uniqueEmail()), "en");
        assertThat(none.statusCode()).isEqualTo(422);
        assertThat(json(none).get("errors").get(0).get("field").asString()).isEqualTo("challenge");

        var solved = withChallenge(body(uniqueEmail()));
        assertThat(post("/api/v1/pre-registrations", solved, "en").statusCode()).isEqualTo(201);
        // The same solved challenge cannot be used twice, even for other data.
        var reused = solved.replace("@example.be", "x@example.be");
        assertThat(post("/api/v1/pre-registrations", reused, "en").statusCode()).isEqualTo(422);

        var forged = ((tools.jackson.databind.node.ObjectNode) JSON.readTree(withChallenge(body(uniqueEmail()))))
                .put("nonce", "0")
                .toString();
        assertThat(post("/api/v1/pre-registrations", forged, "en").statusCode()).isEqualTo(422);
        assertThat(jdbc.queryForObject("select count(*) from patron", Long.class))
                .isEqualTo(count + 1);
    }

    @Test
    void rPre6_theHiddenFieldFilledMeansARobot() {
        var count = jdbc.queryForObject("select count(*) from patron", Long.class);
        var robot = withChallenge(
                body(uniqueEmail()).replace("{\"firstName\"", "{\"website\":\"http://spam\",\"firstName\""));
        assertThat(post("/api/v1/pre-registrations", robot, "fr").statusCode()).isEqualTo(422);
        assertThat(jdbc.queryForObject("select count(*) from patron", Long.class))
                .isEqualTo(count);
    }

    @Test
    void rPre6_perAddressAndPerEmailLimitsAnswer429WithRetryAfter() {
        var email = uniqueEmail();
        // Three tries for one e-mail (invalid ones count too), then 429.
        for (int i = 0; i < 3; i++) {
            var r = post("/api/v1/pre-registrations", withChallenge(body(email).replace("\"F\"", "\"Q\"")), "fr");
            assertThat(r.statusCode()).isEqualTo(422);
        }
        var limited = post("/api/v1/pre-registrations", withChallenge(body(email)), "fr");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After"))
                .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 3600L));

        rateLimiter.reset();
        for (int i = 0; i < 5; i++) {
            post("/api/v1/pre-registrations", withChallenge(body(uniqueEmail()).replace("\"F\"", "\"Q\"")), "fr");
        }
        assertThat(post("/api/v1/pre-registrations", withChallenge(body(uniqueEmail())), "fr")
                        .statusCode())
                .isEqualTo(429);
    }

    @Test
    void messagesFollowAcceptLanguage_andEachFailingFieldIsListed() {
        var bad = withChallenge(
                body("someone@ULiege.be").replace("\"4000\"", "\"4999\"").replace("0475 12 34 56", "0475 CALL ME"));
        var en = json(post("/api/v1/pre-registrations", bad, "en"));
        assertThat(en.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("email", "phone", "address.postalCode");
        assertThat(en.get("errors")
                        .valueStream()
                        .filter(e -> e.get("field").asString().equals("email"))
                        .findFirst()
                        .orElseThrow()
                        .get("message")
                        .asString())
                .contains("University addresses");
        rateLimiter.reset();
        var nl = json(post("/api/v1/pre-registrations", withChallenge(body("x@uliege.be")), "nl-BE"));
        assertThat(nl.get("errors").get(0).get("message").asString()).contains("universiteit");
    }

    @Test
    void theOpenApiDescriptionDocumentsThePublicApiWithExamples() {
        var docs = get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        var api = json(docs);
        assertThat(api.get("paths").propertyNames())
                .contains(
                        "/api/v1/pre-registrations",
                        "/api/v1/pre-registrations/confirmations",
                        "/api/v1/pre-registrations/challenge",
                        "/api/v1/postal-codes/{code}",
                        "/api/v1/reference/job-categories");
        assertThat(docs.body())
                .contains("privacyNoticeAccepted")
                .contains("AWAITING_EMAIL_CONFIRMATION")
                .contains("Rue de la Cathédrale 12 bte 3")
                .doesNotContain("/patrons");
    }

    @Test
    void thePageOpensInTheBrowsersLanguage_FrenchWhenItAsksForNoneOfOurs() {
        assertThat(languageOfTheForm(null)).isEqualTo("fr");
        assertThat(languageOfTheForm("nl-BE,nl;q=0.9")).isEqualTo("nl");
        assertThat(languageOfTheForm("es-ES,es;q=0.9,de;q=0.5")).isEqualTo("de");
        assertThat(languageOfTheForm("es-ES,es;q=0.9")).isEqualTo("fr");
    }

    static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern PAGE_LANGUAGE =
            Pattern.compile("\\[\"([a-z]{2})\",\\s*\"document\\.documentElement\\.lang = \\$0\"\\]");

    /** Opens the form as a browser does (page, init, navigation) and returns the language it was built in. */
    String languageOfTheForm(String acceptLanguage) {
        var client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        Function<HttpRequest.Builder, HttpResponse<String>> send = builder -> {
            if (acceptLanguage != null) {
                builder.header("Accept-Language", acceptLanguage);
            }
            try {
                return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        var base = "http://localhost:" + port;
        assertThat(send.apply(HttpRequest.newBuilder(URI.create(base + "/inscription")))
                        .statusCode())
                .isEqualTo(200);
        var init = send.apply(HttpRequest.newBuilder(URI.create(base + "/?v-r=init&location=inscription&query=")));
        var key = SECURITY_KEY.matcher(init.body());
        assertThat(key.find()).as(init.body()).isTrue();
        var navigation = send.apply(HttpRequest.newBuilder(URI.create(base + "/?v-r=uidl&v-uiId=0"))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"csrfToken":"%s","rpc":[{"type":"event","node":1,"event":"ui-navigate","data":{"route":"/inscription",\
                        "query":"","appShellTitle":"","historyState":{"idx":0},"trigger":""}}],"syncId":0,"clientId":0}""".formatted(key.group(1)))));
        var language = PAGE_LANGUAGE.matcher(navigation.body());
        assertThat(language.find()).as(navigation.body()).isTrue();
        String last = language.group(1);
        while (language.find()) {
            last = language.group(1);
        }
        return last;
    }

    @Test
    void referenceData() {
        var liege = get("/api/v1/postal-codes/4000");
        assertThat(liege.statusCode()).isEqualTo(200);
        assertThat(liege.body()).contains("LIÈGE");
        assertThat(get("/api/v1/postal-codes/9999").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/postal-codes/1005").statusCode()).isEqualTo(404); // an institution's code
        assertThat(get("/api/v1/postal-codes/..%2F..").statusCode()).isIn(400, 404);
        var categories = get("/api/v1/reference/job-categories");
        assertThat(categories.body())
                .contains("\"name\":\"ECOLE SECONDAIRE\"")
                .contains("\"descriptionRequired\":true");
    }

    @Test
    void anApiClientLearnsTheCurrentPrivacyNotice() {
        var notice = get("/api/v1/reference/privacy-notice");
        assertThat(notice.statusCode()).isEqualTo(200);
        var body = json(notice);
        assertThat(body.get("version").asString()).isEqualTo("2026-1");
        assertThat(body.get("texts").propertyNames()).containsExactly("fr", "en", "nl", "de");
        assertThat(body.get("texts").get("fr").asString())
                .contains("ULiège Library")
                .contains("2026-1");
        assertThat(body.get("texts").get("nl").asString())
                .isNotEqualTo(body.get("texts").get("fr").asString());
        // The version is the entity tag: a client that has it gets 304.
        var etag = notice.headers().firstValue("ETag").orElseThrow();
        assertThat(notice.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age");
        var again =
                send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/reference/privacy-notice"))
                        .header("If-None-Match", etag)
                        .GET()
                        .build());
        assertThat(again.statusCode()).isEqualTo(304);
        // Submitting with that version is what the API expects: the OpenAPI description lists the address.
        assertThat(json(get("/v3/api-docs")).get("paths").propertyNames()).contains("/api/v1/reference/privacy-notice");
    }

    @Test
    void theExpiryJobDeletesUnconfirmedAfterSevenDaysAndRemindsAfterSixty(@Autowired PreRegistrationExpiry expiry)
            throws Exception {
        var stale = json(post("/api/v1/pre-registrations", withChallenge(body(uniqueEmail())), "fr"))
                .get("id")
                .asString();
        var waitingEmail = uniqueEmail();
        var waiting = json(post("/api/v1/pre-registrations", withChallenge(body(waitingEmail)), "fr"))
                .get("id")
                .asString();
        var oldEmail = uniqueEmail();
        var old = json(post("/api/v1/pre-registrations", withChallenge(body(oldEmail)), "fr"))
                .get("id")
                .asString();
        mailTo(oldEmail);
        jdbc.update(
                "update pre_registration set created_at = now() - interval 8 day where patron_identifier = ?", stale);
        jdbc.update(
                "update pre_registration set status = 'CONFIRMED', confirmed_at = now() - interval 61 day "
                        + "where patron_identifier = ?",
                waiting);
        jdbc.update(
                "update pre_registration set status = 'CONFIRMED', confirmed_at = now() - interval 91 day "
                        + "where patron_identifier = ?",
                old);

        var report = SystemPrincipal.call(expiry::run); // as the nightly job runs it
        assertThat(report.unconfirmedDeleted()).isGreaterThanOrEqualTo(1);
        assertThat(report.unvalidatedDeleted()).isGreaterThanOrEqualTo(1);
        for (var deleted : new String[] {stale, old}) {
            assertThat(jdbc.queryForObject(
                            "select count(*) from patron where primary_identifier = ?", Integer.class, deleted))
                    .as(deleted)
                    .isZero();
        }
        assertThat(jdbc.queryForObject(
                        "select count(*) from patron where primary_identifier = ?", Integer.class, waiting))
                .isEqualTo(1);
        assertThat(mailTo(waitingEmail, "attend votre passage au guichet")).contains(waiting);
        assertThat(SystemPrincipal.call(expiry::run).reminded()).isZero(); // reminded once only
    }

    /** The identifiers in the desk's queue: the confirmed entries (R-DESK-2). */
    private List<String> queue() {
        return jdbc.queryForList(
                "select patron_identifier from pre_registration where status = 'CONFIRMED'", String.class);
    }
}
