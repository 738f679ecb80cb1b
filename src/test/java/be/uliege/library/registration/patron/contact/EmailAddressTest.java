package be.uliege.library.registration.patron.contact;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.patron.TestSettings;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** R-CON-1: e-mail syntax, domains that can receive mail, and the university's domains. */
class EmailAddressTest {

    private static final List<String> UNIVERSITY = TestSettings.uliege().universityDomains();

    private static String refusal(String raw) {
        try {
            EmailAddress.parse(raw);
        } catch (InvalidValueException e) {
            return e.code();
        }
        throw new AssertionError("expected [" + raw + "] to be refused");
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            jean.dupont@skynet.be           | jean.dupont@skynet.be
            Jean.Dupont@Skynet.BE           | Jean.Dupont@skynet.be
            '  jean.dupont@skynet.be  '     | jean.dupont@skynet.be
            jean.dupont+bib@gmail.com       | jean.dupont+bib@gmail.com
            o'brien@example.be              | o'brien@example.be
            jean.dupont@skynet.be.          | jean.dupont@skynet.be
            x@münchen.de                    | x@xn--mnchen-3ya.de
            x@ｕｌｉｅｇｅ.be                  | x@uliege.be
            x@uliege。be                    | x@uliege.be
            """)
    @DisplayName("R-CON-1: a valid address is kept with its domain in lower-case ASCII, without trailing dot")
    void valid(String raw, String stored) {
        var email = EmailAddress.parse(raw);

        assertThat(email.value()).isEqualTo(stored);
        assertThat(email).hasToString(stored);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {
                "jean.dupont",
                "jean.dupont.skynet.be",
                "@skynet.be",
                "jean@",
                "jean@@skynet.be",
                "a@b@skynet.be",
                "jean@skynet",
                "jean@.be",
                "jean@skynet..be",
                "jean..dupont@skynet.be",
                "jean@-skynet.be",
                "jean@skynet.be..",
                "<script>@skynet.be",
                "jean@[127.0.0.1]",
                "\"jean@x\"@skynet.be"
            })
    @DisplayName("R-CON-1: a syntactically wrong address (no @, two @, no domain, bad labels) is refused")
    void badSyntax(String raw) {
        assertThat(refusal(raw)).isEqualTo("email.format");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {
                "jean dupont@skynet.be",
                "jean.dupont@sky net.be",
                "jean.dupont @skynet.be",
                "jean\tdupont@skynet.be",
                "jean\ndupont@skynet.be",
                "jean\u200Bdupont@skynet.be",
                "jean.dupont@skynet\u200B.be",
                "jean\u202Edupont@skynet.be",
                "jean\uFEFF@skynet.be",
                "jean\u2066@skynet.be",
                "jean.dupont@skynet.be\u0000",
                "jean\u2028dupont@skynet.be"
            })
    @DisplayName("R-CON-1: spaces, control and zero-width characters in an address are refused")
    void invisibleCharacters(String raw) {
        assertThat(refusal(raw)).isEqualTo("email.characters");
    }

    @Test
    @DisplayName("R-CON-1: a no-break space pasted into an address is refused")
    void noBreakSpace() {
        assertThat(refusal("jean\u00A0dupont@skynet.be")).isIn("email.characters", "email.local-ascii");
        assertThat(refusal("jean.dupont@sky\u00A0net.be")).isIn("email.characters", "email.format");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", " ", "\t", "\u2003"})
    @DisplayName("R-CON-1: an empty or blank address is required")
    void blank(String raw) {
        assertThat(refusal(raw)).isEqualTo("email.required");
    }

    @Test
    @DisplayName("R-CON-1: a 10,000-character address is refused as too long")
    void hugeInput() {
        assertThat(refusal("a".repeat(10_000) + "@skynet.be")).isEqualTo("email.too-long");
        assertThat(refusal("a@" + "b".repeat(10_000) + ".be")).isEqualTo("email.too-long");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {"élodie@skynet.be", "jürgen@gmail.com", "ñ@skynet.be", "иван@mail.ru", "jean\u0301@skynet.be"})
    @DisplayName("R-CON-1: a local part with accents or other non-ASCII letters is refused (decision 0003)")
    void localPartMustBeAscii(String raw) {
        assertThat(refusal(raw)).isEqualTo("email.local-ascii");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"x@example.com", "x@example.net", "x@example.org", "x@EXAMPLE.COM"})
    @DisplayName("R-CON-1: the reserved example domains cannot receive mail")
    void reservedDomains(String raw) {
        assertThat(refusal(raw)).isEqualTo("email.domain-cannot-receive");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"x@mail.example.com", "x@uliege.be.example.org", "x@a.b.example.net"})
    @DisplayName("R-CON-1: sub-domains of the reserved example domains cannot receive mail either")
    void reservedSubDomains(String raw) {
        assertThat(refusal(raw)).isEqualTo("email.domain-cannot-receive");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {
                "x@foo.invalid",
                "x@foo.test",
                "x@localhost",
                "x@foo.localhost",
                "x@foo.example",
                "x@printer.local"
            })
    @DisplayName("R-CON-1: reserved top-level domains (.invalid, .test, .localhost, .example, .local) are refused")
    void reservedTopLevelDomains(String raw) {
        assertThat(refusal(raw)).isIn("email.domain-cannot-receive", "email.format");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {
                "x@uli\u0435ge.be", // Cyrillic е inside a Latin label
                "x@\u0440aypal.com", // Cyrillic р
                "x@ulg.a\u0441.be", // Latin a + Cyrillic с
                "x@g\u03BFogle.com", // Greek ο
            })
    @DisplayName("R-CON-1: a domain label mixing Latin with Cyrillic or Greek look-alikes is refused")
    void mixedScriptDomain(String raw) {
        assertThat(refusal(raw)).isEqualTo("email.domain-mixed-scripts");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {
                "x@uliege.be",
                "x@ULIEGE.BE",
                "x@UliEge.Be",
                "x@student.uliege.be",
                "x@Sub.Dept.ULg.ac.be",
                "x@chuliege.be",
                "x@chu.ulg.ac.be",
                "x@uliege.be.",
                "x@STUDENT.ULIEGE.BE.",
                "x@ｕｌｉｅｇｅ.be", // fullwidth letters, folded by IDNA
                "x@ＵＬＩＥＧＥ．ＢＥ", // fullwidth upper case and fullwidth dot
                "x@uliege。be", // ideographic full stop
                "x@ulg.\u0430\u0441.be", // whole label "ac" in Cyrillic: one script, same skeleton
                "x@xn--ulige-1we.be", // "uliеge" with a Cyrillic е, typed as punycode
            })
    @DisplayName("R-CON-1: the university's domains and sub-domains match in any case, width or look-alike spelling")
    void universityDomains(String raw) {
        assertThat(EmailAddress.parse(raw).isInDomains(UNIVERSITY)).isTrue();
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {
                "x@notuliege.be",
                "x@uliege.be.evil.com",
                "x@uliege.be-mail.com",
                "x@uliegebe.com",
                "x@uliege.com",
                "x@uliège.be",
                "x@xuliege.be",
                "x@ulg.ac.be.evil.org",
                "x@chu.ulg.ac.com",
                "uliege.be@gmail.com",
                "x@skynet.be",
            })
    @DisplayName("R-CON-1: look-alike names that are not the university's domain or a sub-domain do not match")
    void notUniversityDomains(String raw) {
        assertThat(EmailAddress.parse(raw).isInDomains(UNIVERSITY)).isFalse();
    }

    @Test
    @DisplayName("R-CON-1: configured domains are compared in any case and with a trailing dot")
    void configuredDomainsAreNormalised() {
        var email = EmailAddress.parse("x@student.uliege.be");

        assertThat(email.isInDomains(List.of(" ULiege.BE. "))).isTrue();
        assertThat(email.isInDomains(List.of("ulg.ac.be"))).isFalse();
        assertThat(email.isInDomains(List.of())).isFalse();
    }
}
