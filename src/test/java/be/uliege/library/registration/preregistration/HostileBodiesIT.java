package be.uliege.library.registration.preregistration;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.LibraryDay;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * More than a hundred hostile or malformed bodies through the public API (R-PRE-2, R-PRE-6): each
 * gets a 4xx with field errors, never a 5xx, and nothing is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileBodiesIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String LONG = "x".repeat(10_000);

    @LocalServerPort
    int port;

    @Autowired
    RateLimiter rateLimiter;

    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    /** A field (dotted for the address) and a hostile value for it. */
    record Case(String field, JsonNode value) {}

    static JsonNode t(String text) {
        return NODES.stringNode(text);
    }

    static List<Case> cases() {
        var cases = new ArrayList<Case>();
        var names = List.<JsonNode>of(
                t(""),
                t("   "),
                t(LONG),
                t("<script>alert(1)</script>"),
                t("Robert'); DROP TABLE patron;--"),
                t("Ann\u0000e"),
                t("Ann\u202Ee"),
                t("J\u043Ehn"),
                t("Anne\u200B"),
                NODES.numberNode(123),
                NODES.booleanNode(true),
                NODES.objectNode(),
                NODES.arrayNode());
        names.forEach(v -> cases.add(new Case("firstName", v)));
        names.forEach(v -> cases.add(new Case("lastName", v)));
        for (var v : List.<JsonNode>of(
                t("2999-01-01"),
                t(LibraryDay.today().minusYears(130).toString()),
                t("1990-02-30"),
                t("12/04/1990"),
                t("1990-13-01"),
                NODES.numberNode(19900412),
                t("' OR 1=1 --"),
                t(""))) {
            cases.add(new Case("birthDate", v));
        }
        for (var v : List.<JsonNode>of(t(""), t("Q"), t("female"), NODES.numberNode(1), t("F\u0000"))) {
            cases.add(new Case("gender", v));
        }
        for (var v : List.<JsonNode>of(t("fr"), t("nld"), t(""), NODES.numberNode(42))) {
            cases.add(new Case("preferredLanguage", v));
        }
        for (var v : List.<JsonNode>of(
                t(""),
                t("no-at"),
                t("a@@example.be"),
                t("x@uliege.be"),
                t("X@Student.ULIEGE.BE"),
                t("x@uliege.be."),
                t("x@uli\u0435ge.be"),
                t("\u0445@\u0443\u043B\u0456\u0435\u0433\u0435.be"),
                t("é@example.be"),
                t("x@example.com"),
                t(LONG + "@example.be"),
                t("<script>@example.be"),
                t("a b@example.be"),
                t("x@ulg.ac.be"),
                t("x@sub.chuliege.be"))) {
            cases.add(new Case("email", v));
        }
        for (var v : List.<JsonNode>of(
                t(""),
                t("CALL ME"),
                t("0475 12 34 56 ext 3"),
                t("+32"),
                t("047512345"),
                t("1".repeat(10_000)),
                t("0475\n123456"),
                NODES.arrayNode().add("0475"))) {
            cases.add(new Case("phone", v));
        }
        for (var v : List.<JsonNode>of(t(""), t("Rue sans numéro"), t(LONG), t("Rue\u0000 1"))) {
            cases.add(new Case("address.line1", v));
        }
        for (var v : List.<JsonNode>of(t(""), t("9999"), t("40000"), t("abcd"), t("1005"), NODES.numberNode(4000))) {
            cases.add(new Case("address.postalCode", v));
        }
        for (var v : List.<JsonNode>of(t(""), t("Namur"), t(LONG), t("Li\u200Bège"))) {
            cases.add(new Case("address.city", v));
        }
        for (var v : List.<JsonNode>of(t("ZZ"), t("Belgium"), NODES.numberNode(32))) {
            cases.add(new Case("address.country", v));
        }
        cases.add(new Case("address", t("Rue 1, 4000 Liège")));
        cases.add(new Case("address", NODES.arrayNode()));
        for (var v : List.<JsonNode>of(t(""), t("UNKNOWN"), t("Personnel ULiège"), NODES.numberNode(5))) {
            cases.add(new Case("jobCategory", v));
        }
        for (var v : List.<JsonNode>of(t(""), t("-"), t("xxx"), t("n/a"), t(LONG), t("Haute\u0000École"))) {
            cases.add(new Case("jobDescription", v));
        }
        for (var v : List.<JsonNode>of(t(""), t("FREE"), t("private"), NODES.numberNode(1))) {
            cases.add(new Case("use", v));
        }
        for (var v : List.<JsonNode>of(t(""), t("1999-1"), NODES.numberNode(2026))) {
            cases.add(new Case("privacyNoticeVersion", v));
        }
        for (var v : List.<JsonNode>of(NODES.booleanNode(false), t("true"), NODES.numberNode(1), NODES.nullNode())) {
            cases.add(new Case("privacyNoticeAccepted", v));
        }
        return cases;
    }

    static ObjectNode valid() {
        return (ObjectNode) JSON.readTree("""
                {"firstName":"Élodie","lastName":"Hostile","birthDate":"1990-04-12","gender":"F",
                 "preferredLanguage":"fre","email":"elodie.hostile@example.be","phone":"0475 12 34 56",
                 "address":{"line1":"Rue de la Cathédrale 12 bte 3","postalCode":"4000","city":"Liège","country":"BE"},
                 "jobCategory":"AUTRE HE / UNIV","jobDescription":"Haute École Charlemagne","use":"PRIVATE",
                 "privacyNoticeVersion":"2026-1","privacyNoticeAccepted":true}""");
    }

    @Test
    void everyHostileFieldGets422WithThatFieldNamed_andNothingIsStored() throws Exception {
        var cases = cases();
        assertThat(cases.size()).isGreaterThanOrEqualTo(100);
        var before = counts();
        for (var c : cases) {
            var body = valid();
            if (c.field().startsWith("address.")) {
                ((ObjectNode) body.get("address")).set(c.field().substring(8), c.value());
            } else {
                body.set(c.field(), c.value());
            }
            var response = post(withChallenge(body).toString(), "application/json");
            var description = c.field() + " = " + abbreviated(c.value());
            assertThat(response.statusCode()).as(description).isEqualTo(422);
            var errors = JSON.readTree(response.body()).get("errors");
            assertThat(errors.valueStream().map(e -> e.get("field").asString()).toList())
                    .as(description)
                    .anySatisfy(f -> assertThat(f).startsWith(c.field()));
            assertThat(errors.valueStream()
                            .map(e -> e.get("message").asString())
                            .toList())
                    .as(description)
                    .allSatisfy(m -> assertThat(m).isNotBlank().doesNotStartWith("rule."));
        }
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void malformedAndStructurallyWrongBodiesGet4xxWithErrors_neverA5xx() throws Exception {
        var before = counts();
        var bodies = Map.of(
                "[]",
                "application/json",
                "\"text\"",
                "application/json",
                "42",
                "application/json",
                "null",
                "application/json",
                "{",
                "application/json",
                "{\"firstName\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}",
                "application/json",
                "{\"firstName\":\"" + "é".repeat(2_000_000) + "\"}",
                "application/json",
                "firstName=Elodie",
                "application/x-www-form-urlencoded",
                "<xml/>",
                "application/xml");
        for (var entry : bodies.entrySet()) {
            rateLimiter.reset();
            var response = post(entry.getKey(), entry.getValue());
            var label = entry.getKey().substring(0, Math.min(30, entry.getKey().length()));
            assertThat(response.statusCode()).as(label).isBetween(400, 499);
            assertThat(response.body()).as(label).contains("\"errors\"");
        }
        assertThat(counts()).isEqualTo(before);
    }

    List<Long> counts() {
        return List.of(
                jdbc.queryForObject("select count(*) from patron", Long.class),
                jdbc.queryForObject("select count(*) from pre_registration", Long.class));
    }

    ObjectNode withChallenge(ObjectNode body) throws Exception {
        rateLimiter.reset();
        var challenge = JSON.readTree(http.send(
                        HttpRequest.newBuilder(
                                        URI.create("http://localhost:" + port + "/api/v1/pre-registrations/challenge"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        var c = challenge.get("challenge").asString();
        body.put("challenge", c);
        body.put("nonce", ProofOfWork.solve(c, challenge.get("difficulty").asInt()));
        return body;
    }

    HttpResponse<String> post(String body, String contentType) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/pre-registrations"))
                        .header("Content-Type", contentType)
                        .header("Accept-Language", "fr")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String abbreviated(JsonNode value) {
        var text = value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
