package be.uliege.library.registration.patron;

import static be.uliege.library.registration.patron.PatronKind.B;
import static be.uliege.library.registration.patron.PatronKind.BX;
import static be.uliege.library.registration.patron.PatronKind.C;
import static be.uliege.library.registration.patron.PatronKind.S;
import static be.uliege.library.registration.patron.PatronKind.U;

import be.uliege.library.registration.patron.PatronSettings.IdentifierRanges;
import be.uliege.library.registration.patron.PatronSettings.JobCategory;
import be.uliege.library.registration.patron.PatronSettings.Range;
import be.uliege.library.registration.patron.PatronSettings.Site;
import be.uliege.library.registration.patron.PatronSettings.UserGroup;
import be.uliege.library.registration.patron.contact.BelgianPostalCodes;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactUsage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Plain-Java fixtures for the patron rules: ULiège's shipped settings (the values of
 * {@code application.yml}, checked by {@link TestSettingsTest}), bpost's postal-code list, a fixed
 * clock, and a valid B draft. No Spring context, no database.
 */
public final class TestSettings {

    /** "Today" for every test: 22 November 2026, in Brussels. */
    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    static final Instant NOW = Instant.parse("2026-11-22T09:30:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, BRUSSELS);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    static final String LIBRARY = "PIB: Interlibrary Loan Services";
    static final String OWNING_SYSTEM = "Public externe (Users B et BX)";

    private static final String FALLBACK_POSTAL_CODES = "file:../shared/data/be-postal-codes/zipcodes_num_fr.csv";
    private static Map<String, BelgianPostalCodes.PostalCode> postalCodeList;

    private TestSettings() {}

    /** The values of {@code registration.patron.*} in {@code application.yml}. */
    public static PatronSettings uliege() {
        return new PatronSettings(
                Map.of(U, "^U\\d{6}$", S, "^S\\d{6}$", C, "^C\\d{6}$", B, "^B\\d{6}$", BX, "^BX\\d{6}$"),
                new IdentifierRanges(new Range(100000, 949999), new Range(950000, 959999), 0.9),
                List.of(
                        new UserGroup("Extérieur", List.of(B), false),
                        new UserGroup("Société, entreprise, profession juridique", List.of(B), false),
                        new UserGroup("Usager BX - PIB", List.of(BX), false),
                        new UserGroup("Personnel ULiège", List.of(U), true),
                        new UserGroup("Étudiant ULiège", List.of(S), true),
                        new UserGroup("Personnel CHU", List.of(C), true)),
                List.of(
                        new JobCategory("AUTRE HE / UNIV", List.of(B), true, false),
                        new JobCategory("ECOLE SECONDAIRE", List.of(B), true, false),
                        new JobCategory("PROMOTION SOCIALE", List.of(B), true, false),
                        new JobCategory("UNIVERSITE FLAMANDE", List.of(B), true, false),
                        new JobCategory("UNIGR", List.of(B), true, false),
                        new JobCategory("SOCIÉTÉ", List.of(B), true, false),
                        new JobCategory("ENTREPRISE, PROFESSION JURIDIQUE", List.of(B), true, false),
                        new JobCategory("SOCIETE, ENTREPRISE, PROFESSION JURIDIQUE", List.of(B, BX), true, false),
                        new JobCategory("Alumni ULiège", List.of(B), false, true),
                        new JobCategory("Aucun", List.of(B, BX), false, false),
                        new JobCategory("demandeur d'emploi", List.of(B), false, false),
                        new JobCategory("enseignant", List.of(B), false, false),
                        new JobCategory("indépendant", List.of(B), false, false),
                        new JobCategory("retraité", List.of(B), false, false),
                        new JobCategory("chercheur", List.of(B), false, false),
                        new JobCategory("Personnel ULiège", List.of(U), false, false),
                        new JobCategory("Étudiant ULiège", List.of(S), false, false),
                        new JobCategory("Personnel CHU", List.of(C), false, false)),
                List.of("uliege.be", "ulg.ac.be", "chuliege.be", "chu.ulg.ac.be"),
                List.of(
                        new Site("ALP", "Bibliothèque ALPHA", "prtALP2@uliege.be"),
                        new Site("BSA", "Bibliothèque des Sciences appliquées", "prtBSA1@uliege.be"),
                        new Site("BST", "Bibliothèque des Sciences et Techniques", "prtBST1@uliege.be"),
                        new Site("BSV", "Bibliothèque des Sciences de la Vie", "prtBSV2@uliege.be"),
                        new Site("GRA", "Bibliothèque Léon Graulich", "prtGRA1@uliege.be")),
                List.of(LIBRARY),
                OWNING_SYSTEM,
                "BE",
                4);
    }

    /**
     * bpost's real list, from {@code registration.postal-codes.location} (set by surefire) or the
     * shared data beside the worktree. Fails loudly rather than silently checking nothing.
     */
    public static synchronized BelgianPostalCodes postalCodes() {
        if (postalCodeList == null) {
            var location = System.getProperty("registration.postal-codes.location", FALLBACK_POSTAL_CODES);
            if (!location.contains(":")) {
                location = "file:" + location;
            }
            postalCodeList = BelgianPostalCodes.load(location);
            if (postalCodeList.isEmpty()) {
                throw new IllegalStateException("The bpost postal-code list was not found at " + location);
            }
        }
        return new BelgianPostalCodes(postalCodeList, BelgianPostalCodes.loadAliases());
    }

    public static PatronRules rules() {
        return new PatronRules(uliege(), postalCodes(), CLOCK);
    }

    public static ContactDraft email(String value) {
        return ContactDraft.email(value, ContactUsage.PERSONAL);
    }

    public static ContactDraft phone(String value) {
        return ContactDraft.phone(value, ContactUsage.MOBILE);
    }

    public static ContactDraft address(String line1, String postalCode, String city, String country) {
        return ContactDraft.address(line1, postalCode, city, country);
    }

    /** A complete, valid B draft (like the demo patron B100002), without an expiration date. */
    public static PatronDraft validB() {
        return new PatronDraft(
                "Sophie",
                "Janssens",
                Gender.F,
                LocalDate.of(1992, 9, 9),
                Language.ENG,
                "Extérieur",
                "AUTRE HE / UNIV",
                "Haute École de la Province de Liège",
                LIBRARY,
                null,
                null,
                List.of(
                        email("sophie.janssens@skynet.be"),
                        phone("0495 11 22 33"),
                        address("Boulevard d'Avroy 100", "4000", "Luik", "BE")));
    }

    /** A complete, valid BX draft (like the demo patron BX100004). */
    static PatronDraft validBX() {
        return new PatronDraft(
                "Marie",
                "Lambert",
                Gender.F,
                LocalDate.of(1975, 5, 17),
                Language.FRE,
                "Usager BX - PIB",
                "SOCIETE, ENTREPRISE, PROFESSION JURIDIQUE",
                "Étude notariale Lambert",
                LIBRARY,
                null,
                null,
                List.of(
                        email("marie.lambert@skynet.be"),
                        phone("02 511 22 33"),
                        address("Avenue Louise 200", "1050", "Ixelles", "BE")));
    }

    /** A university staff member (U), as the nightly load gives it (like the demo patron U012345). */
    static PatronDraft validU() {
        return new PatronDraft(
                "Jean-Pierre",
                "Lemaire",
                Gender.M,
                LocalDate.of(1971, 3, 14),
                Language.FRE,
                "Personnel ULiège",
                "Personnel ULiège",
                null,
                null,
                null,
                "P001234",
                List.of(
                        email("jp.lemaire@uliege.be"),
                        phone("04 366 21 11"),
                        address("Place du 20-Août 7", "4000", "Liège", "BE")));
    }
}
