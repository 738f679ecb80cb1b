package be.uliege.library.registration.patron.contact;

import be.uliege.library.registration.base.Text;
import java.net.IDN;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.validator.routines.EmailValidator;

/**
 * An e-mail address (R-CON-1): syntactically valid, with a domain that can receive mail. The
 * domain is kept in lower case, in its ASCII form, without a trailing dot.
 *
 * <p>Decision (docs/decisions/0003-email-addresses.md): the part before the {@code @} must be
 * ASCII, because an accented local part ({@code é@exemple.be}) needs SMTPUTF8 all the way and
 * letters sent to it are often lost; the person is told to use an address without accents there.
 * Internationalised domains are accepted when written in one script. Compatibility characters are
 * folded first (NFKC, docs/decisions/0007-confusable-input.md): an address typed in fullwidth
 * letters ({@code ｊｅａｎ＠ｓｋｙｎｅｔ．ｂｅ}) is the plain one.
 *
 * @see "docs/decisions/0003-email-addresses.md"
 */
public record EmailAddress(String localPart, String domain) {

    private static final EmailValidator SYNTAX = EmailValidator.getInstance(false, false);

    /** Domains that never receive mail (RFC 2606, RFC 6761). */
    private static final Set<String> RESERVED_TLDS = Set.of("invalid", "test", "localhost", "example", "local");

    private static final Set<String> RESERVED_DOMAINS = Set.of("example.com", "example.net", "example.org");

    /**
     * Checks a typed address.
     *
     * @throws InvalidValueException {@code email.required}, {@code email.too-long},
     *                               {@code email.characters}, {@code email.format},
     *                               {@code email.local-ascii}, {@code email.domain-mixed-scripts},
     *                               {@code email.domain-cannot-receive}
     */
    public static EmailAddress parse(String raw) {
        if (Text.isBlank(raw)) {
            throw new InvalidValueException("email.required");
        }
        var typed = raw.strip();
        if (typed.length() > 254) {
            throw new InvalidValueException("email.too-long");
        }
        if (Text.hasInvisibleOrControl(typed)
                || typed.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            throw new InvalidValueException("email.characters");
        }
        typed = Normalizer.normalize(typed, Normalizer.Form.NFKC);
        int at = typed.lastIndexOf('@');
        if (at <= 0 || at == typed.length() - 1 || typed.indexOf('@') != at) {
            throw new InvalidValueException("email.format");
        }
        var local = typed.substring(0, at);
        var domainTyped = typed.substring(at + 1);
        if (!local.chars().allMatch(c -> c < 128)) {
            throw new InvalidValueException("email.local-ascii");
        }
        if (domainTyped.endsWith(".")) {
            domainTyped = domainTyped.substring(0, domainTyped.length() - 1);
        }
        for (var label : domainTyped.split("\\.", -1)) {
            if (Text.mixesScripts(label)) {
                throw new InvalidValueException("email.domain-mixed-scripts");
            }
        }
        String domain;
        try {
            domain = IDN.toASCII(domainTyped, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("email.format");
        }
        if (!SYNTAX.isValid(local + "@" + domain)) {
            throw new InvalidValueException("email.format");
        }
        var tld = domain.substring(domain.lastIndexOf('.') + 1);
        if (RESERVED_TLDS.contains(tld)
                || RESERVED_DOMAINS.stream().anyMatch(r -> domain.equals(r) || domain.endsWith("." + r))) {
            throw new InvalidValueException("email.domain-cannot-receive", domain);
        }
        return new EmailAddress(local, domain);
    }

    /**
     * True when the domain is one of the given domains or a sub-domain of one, in any letter case,
     * or imitates one with look-alike letters of another script ({@code uliеge.be} with a Cyrillic
     * "е").
     */
    public boolean isInDomains(List<String> domains) {
        var unicode = IDN.toUnicode(domain).toLowerCase(Locale.ROOT);
        var skeleton = Homoglyphs.skeleton(unicode);
        for (var d : domains) {
            var base = d.strip().toLowerCase(Locale.ROOT);
            if (base.endsWith(".")) {
                base = base.substring(0, base.length() - 1);
            }
            if (matches(domain, base) || matches(skeleton, base)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the domain is not one of the given domains nor a sub-domain of one, but imitates one:
     * its last labels look like the domain's labels once accents, look-alike letters of other
     * scripts, hyphens and confusable letters and digits are set aside, or hold the same letters in
     * another order between the same first and last ({@code uliège.be}, {@code xn--ulige-fsa.be},
     * {@code u1iege.be}, {@code uIiege.be}, {@code uélige.be}, {@code student.uli-ege.be}). The rule
     * is written in docs/decisions/0007-confusable-input.md.
     */
    public boolean imitatesDomains(List<String> domains) {
        if (isInDomains(domains)) {
            return false;
        }
        var labels = IDN.toUnicode(domain).split("\\.");
        for (var d : domains) {
            var base = d.strip().toLowerCase(Locale.ROOT);
            if (base.endsWith(".")) {
                base = base.substring(0, base.length() - 1);
            }
            var baseLabels = base.split("\\.");
            if (base.isEmpty() || baseLabels.length > labels.length) {
                continue;
            }
            boolean alike = true;
            for (int i = 1; i <= baseLabels.length && alike; i++) {
                alike = Homoglyphs.labelsLookAlike(labels[labels.length - i], baseLabels[baseLabels.length - i]);
            }
            if (alike) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String domain, String base) {
        return domain.equals(base) || domain.endsWith("." + base);
    }

    /** The domain as people read it: {@code uliège.be} rather than {@code xn--ulige-fsa.be}. */
    public String displayDomain() {
        return IDN.toUnicode(domain);
    }

    public String value() {
        return localPart + "@" + domain;
    }

    @Override
    public String toString() {
        return value();
    }
}
