package be.uliege.library.registration.card.api;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.card.CardPhoto;
import be.uliege.library.registration.card.CardSettings;
import be.uliege.library.registration.card.Cards;
import be.uliege.library.registration.card.PublishedPhotos;
import be.uliege.library.registration.card.internal.PatronPhotoRepository;
import be.uliege.library.registration.desk.DeskFixtures;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronLookup;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactUsage;
import be.uliege.library.registration.security.Roles;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * R-CARD-6 through HTTP on the embedded MariaDB: an allowed client (localhost, allowed by
 * default) gets the stored JPEG exactly; an unknown identifier, another suffix, a patron without a
 * photo, a hostile path and another method all get the same empty 404. {@link OutsideTheNetworks}
 * runs with the allowed networks set to a range that excludes localhost, and a token: without
 * the token, with a wrong one, or with a forged {@code X-Forwarded-For}, an existing photo gets
 * that same 404; with the token, the photo.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PhotoServiceIT {

    static final String TOKEN = "test-photo-token-8c1f0e4b7a2d4b9e9f3a5c6d7e8f9a0b";

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    PatronService patrons;

    @Autowired
    Cards cards;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PatronLookup lookup;

    @Autowired
    PatronPhotoRepository photos;

    @Autowired
    CardSettings settings;

    @Autowired
    SecurityContextHolderStrategy security;

    @Test
    void anAllowedClientGetsTheStoredBytesExactly_asJpeg_inAnyCase_andHeadGivesTheLengthOnly() {
        var patron = patron(security, patrons, "Photographiée");
        var jpeg = associatePhoto(security, cards, patron, 7);

        var response = get(port, "/photos/" + patron.primaryIdentifier() + ".jpg");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(jpeg);
        assertThat(response.headers().allValues("Content-Type")).containsExactly("image/jpeg");
        assertThat(response.headers().allValues("Content-Length")).containsExactly(String.valueOf(jpeg.length));
        assertThat(response.headers().allValues("Cache-Control")).containsExactly("no-store");
        assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(response.headers().firstValue("Set-Cookie")).as("stateless").isEmpty();

        var lowerCase = get(port, "/photos/" + patron.primaryIdentifier().toLowerCase(Locale.ROOT) + ".jpg");
        assertThat(lowerCase.statusCode()).isEqualTo(200);
        assertThat(lowerCase.body()).isEqualTo(jpeg);

        var head = send(port, "/photos/" + patron.primaryIdentifier() + ".jpg", "HEAD", Map.of());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Length")).hasValue(String.valueOf(jpeg.length));
        assertThat(head.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    }

    @Test
    void unknownIdentifier_anotherSuffix_noPhoto_anotherMethod_allGetTheSameEmpty404() {
        var withPhoto = patron(security, patrons, "Avec-Photo");
        associatePhoto(security, cards, withPhoto, 11);
        var withoutPhoto = patron(security, patrons, "Sans-Photo");
        var unknown = unknownIdentifier();
        assertThat(jdbc.queryForObject("select count(*) from patron where primary_identifier = ?", Long.class, unknown))
                .isZero();

        var reference = get(port, "/photos/" + unknown + ".jpg");
        assertNotFound(reference, reference);
        for (var path : List.of(
                "/photos/" + withPhoto.primaryIdentifier() + ".png",
                "/photos/" + withPhoto.primaryIdentifier() + ".JPG",
                "/photos/" + withPhoto.primaryIdentifier() + ".jpg.jpg",
                "/photos/" + withPhoto.primaryIdentifier(),
                "/photos/" + withPhoto.primaryIdentifier() + ".",
                "/photos/" + withPhoto.primaryIdentifier() + "/.jpg",
                "/photos/" + withoutPhoto.primaryIdentifier() + ".jpg",
                "/photos/",
                "/photos")) {
            assertNotFound(get(port, path), reference);
        }
        assertNotFound(send(port, "/photos/" + withPhoto.primaryIdentifier() + ".jpg", "POST", Map.of()), reference);
        assertNotFound(send(port, "/photos/" + withPhoto.primaryIdentifier() + ".jpg", "DELETE", Map.of()), reference);
    }

    @Test
    void hostileIdentifiers_get404AndNothingElse() {
        var patron = patron(security, patrons, "Visée");
        associatePhoto(security, cards, patron, 13);
        var id = patron.primaryIdentifier();
        var reference = get(port, "/photos/" + unknownIdentifier() + ".jpg");
        // Refused by the controller, and nothing asked of the database (PublishedPhotosTest).
        for (var path : List.of(
                "/photos/...jpg",
                "/photos/" + id + "%20OR%201=1.jpg",
                "/photos/" + id + "'--.jpg",
                "/photos/" + id + "*.jpg",
                "/photos/%C3%89" + id.substring(1) + ".jpg",
                "/photos/" + "B".repeat(33) + ".jpg",
                "/photos/" + "1".repeat(4000) + ".jpg")) {
            assertNotFound(get(port, path), reference);
        }
        // Refused by Spring Security's firewall before any controller: an empty 404 as well, not the login page.
        for (var path : List.of(
                "/photos/%2e%2e.jpg",
                "/photos/" + id + "%0d%0aX-Injected:%201.jpg",
                "/photos/" + id + "%25.jpg",
                "/photos/" + id + ";jsessionid=1.jpg",
                "/photos/../photos/" + id + ".jpg",
                "/photos/x/../" + id + ".jpg")) {
            var response = get(port, path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).isEmpty();
            assertThat(response.headers().allValues("Cache-Control")).as(path).containsExactly("no-store");
            assertThat(response.headers().firstValue("Location")).as(path).isEmpty();
            assertThat(response.headers().firstValue("X-Injected")).as(path).isEmpty();
        }
        // Refused by Tomcat itself (an encoded NUL or slash): its 400, before the application.
        for (var path :
                List.of("/photos/" + id + "%00.jpg", "/photos/%00" + id + ".jpg", "/photos/..%2F" + id + ".jpg")) {
            var response = get(port, path);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type"))
                    .as(path)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        }
    }

    @Test
    void anotherIdentifierType_findsThePhotoByThatIdentifierOnly() {
        var patron = patron(security, patrons, "Code-Barres");
        var jpeg = associatePhoto(security, cards, patron, 17);
        var barcode = "BC"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase(Locale.ROOT);
        jdbc.update(
                "insert into additional_identifier (patron_id, id_type, id_value) values (?, 'BARCODE', ?)",
                patron.id(),
                barcode);
        var byBarcode = new PublishedPhotos(
                photos,
                lookup,
                new CardSettings(
                        settings.activationUrl(),
                        settings.codeSecret(),
                        settings.maxFailedAttempts(),
                        settings.perAddress(),
                        settings.perNetwork(),
                        settings.window(),
                        settings.activatedPrintingSites(),
                        new CardSettings.Photos("BARCODE", "jpeg", List.of(), "")));

        assertThat(byBarcode.find(barcode.toLowerCase(Locale.ROOT), "jpeg"))
                .hasValueSatisfying(found -> assertThat(found).isEqualTo(jpeg));
        assertThat(byBarcode.find(barcode, "jpg")).isEmpty();
        assertThat(byBarcode.find(patron.primaryIdentifier(), "jpeg"))
                .as("the primary identifier is not the barcode")
                .isEmpty();
    }

    /**
     * R-CARD-6 for a client outside the allowed networks: only the token lets it in. Its settings
     * make a second application context, closed after this class; it shares the security-context
     * strategy already in place, as {@code desk.RegistrationFaultsIT} explains, so that the other
     * contexts' tests still find their signed-in user.
     */
    @Nested
    @TestPropertySource(
            properties = {
                "registration.cards.photos.allowed-networks=10.0.0.0/8,2001:db8::/32",
                "registration.cards.photos.token=" + TOKEN,
                // As the prod profile has it: forwarded headers read, but from no proxy unless TRUSTED_PROXIES names
                // it.
                "server.forward-headers-strategy=native",
                "server.tomcat.remoteip.internal-proxies="
            })
    @DirtiesContext
    class OutsideTheNetworks {

        @TestConfiguration(proxyBeanMethods = false)
        static class SharedSecurityContextStrategy {
            @Bean
            SecurityContextHolderStrategy securityContextHolderStrategy() {
                return SecurityContextHolder.getContextHolderStrategy();
            }
        }

        @LocalServerPort
        int port;

        @Autowired
        PatronService patrons;

        @Autowired
        Cards cards;

        @Autowired
        SecurityContextHolderStrategy security;

        @Test
        void anExistingPhotoGetsTheSame404AsAnUnknownOne_unlessTheTokenIsRight() {
            var patron = patron(security, patrons, "Protégée");
            var jpeg = associatePhoto(security, cards, patron, 19);
            var path = "/photos/" + patron.primaryIdentifier() + ".jpg";
            var reference = get(port, "/photos/" + unknownIdentifier() + ".jpg");
            assertNotFound(reference, reference);

            assertNotFound(get(port, path), reference);
            assertNotFound(
                    send(port, path, "HEAD", Map.of()),
                    send(port, "/photos/" + unknownIdentifier() + ".jpg", "HEAD", Map.of()));
            for (var authorization : List.of(
                    "Bearer " + TOKEN.substring(0, TOKEN.length() - 1) + "c",
                    "Bearer " + TOKEN + "x",
                    "Bearer " + TOKEN.substring(1),
                    "Bearer ",
                    "Bearer",
                    TOKEN,
                    "Basic " + TOKEN,
                    "Bearer " + TOKEN.toUpperCase(Locale.ROOT))) {
                assertNotFound(send(port, path, "GET", Map.of("Authorization", authorization)), reference);
            }
            assertNotFound(send(port, path, "GET", Map.of("X-Forwarded-For", "10.1.2.3")), reference);
            assertNotFound(send(port, path, "GET", Map.of("Forwarded", "for=10.1.2.3")), reference);
            assertNotFound(send(port, path, "GET", Map.of("X-Real-IP", "10.1.2.3")), reference);

            var allowed = send(port, path, "GET", Map.of("Authorization", "Bearer " + TOKEN));
            assertThat(allowed.statusCode()).isEqualTo(200);
            assertThat(allowed.body()).isEqualTo(jpeg);
            assertThat(allowed.headers().firstValue("Content-Type")).hasValue("image/jpeg");
            assertThat(send(port, path, "GET", Map.of("Authorization", "bearer " + TOKEN))
                            .statusCode())
                    .as("the scheme in any case")
                    .isEqualTo(200);
            assertThat(send(
                                    port,
                                    "/photos/" + unknownIdentifier() + ".jpg",
                                    "GET",
                                    Map.of("Authorization", "Bearer " + TOKEN))
                            .statusCode())
                    .isEqualTo(404);
        }
    }

    static void assertNotFound(HttpResponse<byte[]> response, HttpResponse<byte[]> reference) {
        assertThat(response.statusCode()).as("%s", response.uri()).isEqualTo(404);
        assertThat(response.body()).as("%s", response.uri()).isEmpty();
        assertThat(headers(response))
                .as("%s: the same headers as for an unknown identifier", response.uri())
                .isEqualTo(headers(reference));
        assertThat(response.headers().allValues("Cache-Control")).containsExactly("no-store");
    }

    /** The response's headers except the date, names in lower case. */
    static Map<String, List<String>> headers(HttpResponse<?> response) {
        return response.headers().map().entrySet().stream()
                .filter(e -> !e.getKey().equalsIgnoreCase("date"))
                .collect(Collectors.toMap(
                        e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    /** An identifier no patron can have (no kind starts with Q), well-formed for the service. */
    static String unknownIdentifier() {
        return "Q"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase(Locale.ROOT);
    }

    static HttpResponse<byte[]> get(int port, String path) {
        return send(port, path, "GET", Map.of());
    }

    static HttpResponse<byte[]> send(int port, String path, String method, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs as the desk operator, both in this context's security-context strategy (which its
     * method security reads) and in the global one (which names who acts): once another test
     * context has started, they are not the same (see {@code desk.RegistrationFaultsIT}).
     */
    static <T> T asOperator(SecurityContextHolderStrategy security, Supplier<T> action) {
        var previous = security.getContext();
        var context = security.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "operator", "n/a", List.of(new SimpleGrantedAuthority("ROLE_" + Roles.DESK_OPERATOR))));
        security.setContext(context);
        try {
            return DeskFixtures.as("operator", action, Roles.DESK_OPERATOR);
        } finally {
            security.setContext(previous);
        }
    }

    static PatronDetails patron(SecurityContextHolderStrategy security, PatronService patrons, String lastName) {
        return asOperator(
                security,
                () -> patrons.registerAtDesk(
                        PatronKind.B,
                        new PatronDraft(
                                "Camille",
                                lastName,
                                Gender.F,
                                LocalDate.of(1990, 3, 3),
                                Language.FRE,
                                "Extérieur",
                                "Aucun",
                                null,
                                "PIB: Interlibrary Loan Services",
                                null,
                                null,
                                List.of(
                                        ContactDraft.email(
                                                "photo." + UUID.randomUUID() + "@example.be", ContactUsage.PERSONAL),
                                        ContactDraft.phone("0475 44 55 66", ContactUsage.MOBILE),
                                        ContactDraft.address("Place du Marché 7", "4000", "Liège", "BE")))));
    }

    /** A card-sized JPEG, associated by the desk operator as the desk does; returns the bytes stored. */
    static byte[] associatePhoto(SecurityContextHolderStrategy security, Cards cards, PatronDetails patron, int seed) {
        var image = new BufferedImage(CardPhoto.WIDTH, CardPhoto.HEIGHT, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(60 + seed, 90, 140));
        g.fillRect(0, 0, CardPhoto.WIDTH, CardPhoto.HEIGHT);
        g.setColor(new Color(225, 185, 150 - seed));
        g.fillOval(80, 70, 140, 180);
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var jpeg = out.toByteArray();
        asOperator(security, () -> {
            cards.associatePhoto(patron.id(), patron.primaryIdentifier(), jpeg, Cards.PhotoSource.UPLOAD);
            return null;
        });
        return jpeg;
    }
}
