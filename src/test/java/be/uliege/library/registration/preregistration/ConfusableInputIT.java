package be.uliege.library.registration.preregistration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Confusable input through the public API on the embedded MariaDB (R-PRE-2, R-REC-2, R-CON-1;
 * docs/decisions/0007-confusable-input.md): fullwidth letters are stored folded, Zalgo and a domain
 * imitating the university's get a 422 naming each field in the asked language, never a 5xx.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConfusableInputIT {

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

    String body(String first, String last, String email, String city) {
        var node = (ObjectNode) PreRegistrationApiIT.JSON.readTree(PreRegistrationApiIT.body(email));
        node.put("firstName", first);
        node.put("lastName", last);
        ((ObjectNode) node.get("address")).put("city", city);
        var challenge = PreRegistrationApiIT.JSON.readTree(send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/api/v1/pre-registrations/challenge"))
                        .GET()
                        .build())
                .body());
        var c = challenge.get("challenge").asString();
        node.put("challenge", c);
        node.put("nonce", ProofOfWork.solve(c, challenge.get("difficulty").asInt()));
        return node.toString();
    }

    HttpResponse<String> post(String body, String language) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/pre-registrations"))
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

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8).replaceAll("\\d", "q");
    }

    @Test
    void fullwidthAndMathematicalLettersAreStoredAsThePlainNameInNfc() {
        var tag = unique();
        var email = "ｅｌｏｄｉｅ．" + tag + "＠ｅｘａｍｐｌｅ．ｂｅ";
        var response = post(
                body("Ｅｌｏｄｉｅ", "\uD835\uDC03\uD835\uDC2E\uD835\uDC29\uD835\uDC2B\u0065\u0301-" + tag, email, "Ｌｉèｇｅ"),
                "fr");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        var id = PreRegistrationApiIT.JSON.readTree(response.body()).get("id").asString();

        var row = jdbc.queryForMap("select first_name, last_name from patron where primary_identifier = ?", id);
        assertThat(row.get("first_name")).isEqualTo("Elodie");
        assertThat(row.get("last_name")).isEqualTo("Dupré-" + tag);
        assertThat(jdbc.queryForObject(
                        "select item_value from contact_item c join patron p on p.id = c.patron_id"
                                + " where p.primary_identifier = ? and c.kind = 'EMAIL'",
                        String.class,
                        id))
                .isEqualTo("elodie." + tag + "@example.be");
    }

    @Test
    void zalgoAndAUniversityLookAlikeAreRefusedField_byField_inTheAskedLanguage() {
        var zalgo = "D\u0334\u031Bu\u0338\u0322p\u0337\u0327o\u0336\u0321n\u0337\u0328t\u0334\u0324";
        var last = "Dupont-" + unique();
        var city = "Li\u0300\u0301\u0302\u0303ege";

        var en = post(body(zalgo, last, "elodie@xn--ulige-bsa.be", city), "en");
        assertThat(en.statusCode()).as(en.body()).isEqualTo(422);
        JsonNode errors = PreRegistrationApiIT.JSON.readTree(en.body()).get("errors");
        assertThat(errors.valueStream()
                        .map(e ->
                                e.get("field").asString() + " " + e.get("code").asString()))
                .containsExactlyInAnyOrder(
                        "firstName text.stacked-marks",
                        "address.city text.stacked-marks",
                        "email email.university-lookalike");
        assertThat(errors.valueStream()
                        .filter(e -> e.get("field").asString().equals("email"))
                        .findFirst()
                        .orElseThrow()
                        .get("message")
                        .asString())
                .contains("uélige.be", "personal address");
        assertThat(errors.valueStream()
                        .filter(e -> e.get("field").asString().equals("firstName"))
                        .findFirst()
                        .orElseThrow()
                        .get("message")
                        .asString())
                .contains("stacked");

        rateLimiter.reset();
        var de = PreRegistrationApiIT.JSON
                .readTree(post(body(zalgo, last, "elodie@xn--ulige-bsa.be", city), "de")
                        .body())
                .get("errors");
        assertThat(de.valueStream()
                        .filter(e -> e.get("field").asString().equals("email"))
                        .findFirst()
                        .orElseThrow()
                        .get("message")
                        .asString())
                .contains("private Adresse");
    }
}
