package be.uliege.library.registration.embedded;

import be.uliege.library.registration.base.SystemPrincipal;
import be.uliege.library.registration.card.DemoCards;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.PatronRules;
import be.uliege.library.registration.patron.PatronStatus;
import be.uliege.library.registration.patron.Patrons;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactKind;
import be.uliege.library.registration.patron.contact.ContactUsage;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo patrons of every kind (U, S, C, B, BX), some expired, some pending pre-registrations
 * (inactive B95 records), loaded into an empty database of the embedded defaults. Every record
 * goes through the same rules as real data.
 *
 * <p>Longer than most classes because it is data more than code: the demo patrons, one per entry,
 * each covering a case the desk meets (expired, loaded from the university, no e-mail…).
 */
@Component
@Order(1)
@ConditionalOnProperty(
        prefix = "registration.embedded",
        name = {"enabled", "demo-data"},
        havingValue = "true",
        matchIfMissing = true)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /**
     * Cards printed but not activated, with their codes (R-CARD-5): listed in the README and on the
     * console, so that anyone can try the activation page.
     */
    static final Map<String, String> DEMO_CARDS =
            new TreeMap<>(Map.of("B100001", "4821", "B100003", "7305", "B100005", "1962"));

    private final Patrons patrons;
    private final DemoCards cards;
    private final Clock clock;
    private final TransactionTemplate transaction;

    DemoData(Patrons patrons, DemoCards cards, Clock clock, PlatformTransactionManager transactions) {
        this.patrons = patrons;
        this.cards = cards;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** One demo patron. */
    record Demo(
            String identifier,
            String first,
            String last,
            Gender gender,
            LocalDate birth,
            Language language,
            String group,
            @Nullable String category,
            @Nullable String description,
            String email,
            String phone,
            String line1,
            String postalCode,
            String city,
            PatronStatus status,
            @Nullable LocalDate expiration,
            @Nullable String universityKey) {}

    @Override
    public void run(ApplicationArguments args) {
        // The demo patrons are created as the nightly load creates the university's: by the system.
        SystemPrincipal.run(() -> transaction.executeWithoutResult(status -> load()));
    }

    /** All or nothing: a half-loaded demo would never be completed (the database is not empty). */
    private void load() {
        if (patrons.count() > 0) {
            return;
        }
        var today = LocalDate.now(clock);
        var expired = today.minusMonths(3);
        for (var demo : demos(today, expired)) {
            var contacts = List.of(
                    new ContactDraft(ContactKind.EMAIL, ContactUsage.PERSONAL, true, demo.email(), null, null, null),
                    new ContactDraft(ContactKind.PHONE, ContactUsage.MOBILE, true, demo.phone(), null, null, null),
                    ContactDraft.address(demo.line1(), demo.postalCode(), demo.city(), "BE"));
            var draft = new PatronDraft(
                    demo.first(),
                    demo.last(),
                    demo.gender(),
                    demo.birth(),
                    demo.language(),
                    demo.group(),
                    demo.category(),
                    demo.description(),
                    "PIB: Interlibrary Loan Services",
                    demo.expiration(),
                    demo.universityKey(),
                    contacts);
            var created = patrons.createWithIdentifier(demo.identifier(), draft, demo.status(), PatronRules.Actor.LOAD);
            var code = DEMO_CARDS.get(demo.identifier());
            if (code != null) {
                cards.print(created.id(), code);
            }
        }
        log.info("Demo data loaded: {} patrons", patrons.count());
        log.info(
                "Demo cards printed, not activated yet — try them at /carte: {}",
                DEMO_CARDS.entrySet().stream()
                        .map(e -> e.getKey() + " code " + e.getValue())
                        .collect(Collectors.joining(", ")));
    }

    static List<Demo> demos(LocalDate today, LocalDate expired) {
        return List.of(
                new Demo(
                        "U012345",
                        "Jean-Pierre",
                        "Lemaire",
                        Gender.M,
                        LocalDate.of(1971, 3, 14),
                        Language.FRE,
                        "Personnel ULiège",
                        "Personnel ULiège",
                        null,
                        "jp.lemaire@uliege.be",
                        "04 366 21 11",
                        "Place du 20-Août 7",
                        "4000",
                        "Liège",
                        PatronStatus.ACTIVE,
                        null,
                        "P001234"),
                new Demo(
                        "U054321",
                        "Anneke",
                        "Van den Bossche",
                        Gender.F,
                        LocalDate.of(1984, 11, 2),
                        Language.ENG,
                        "Personnel ULiège",
                        "Personnel ULiège",
                        null,
                        "a.vandenbossche@uliege.be",
                        "0478 22 33 44",
                        "Quai Roosevelt 1b",
                        "4000",
                        "Liège",
                        PatronStatus.INACTIVE,
                        expired,
                        "P004321"),
                new Demo(
                        "S201234",
                        "Élodie",
                        "Dupré",
                        Gender.F,
                        LocalDate.of(2003, 4, 12),
                        Language.FRE,
                        "Étudiant ULiège",
                        "Étudiant ULiège",
                        null,
                        "elodie.dupre@student.uliege.be",
                        "0475 12 34 56",
                        "Rue de la Cathédrale 12 bte 3",
                        "4000",
                        "Liège",
                        PatronStatus.ACTIVE,
                        null,
                        "P201234"),
                new Demo(
                        "S198765",
                        "Noah",
                        "Müller",
                        Gender.M,
                        LocalDate.of(2000, 8, 30),
                        Language.ENG,
                        "Étudiant ULiège",
                        "Étudiant ULiège",
                        null,
                        "noah.muller@student.uliege.be",
                        "0486 55 66 77",
                        "Hauptstraße 5",
                        "4700",
                        "Eupen",
                        PatronStatus.INACTIVE,
                        expired,
                        "P198765"),
                new Demo(
                        "C100200",
                        "Fatima",
                        "El Amrani",
                        Gender.F,
                        LocalDate.of(1979, 6, 5),
                        Language.FRE,
                        "Personnel CHU",
                        "Personnel CHU",
                        null,
                        "f.elamrani@chuliege.be",
                        "04 323 11 11",
                        "Avenue de l'Hôpital 1",
                        "4000",
                        "Liège",
                        PatronStatus.ACTIVE,
                        null,
                        "P100200"),
                new Demo(
                        "B100001",
                        "François",
                        "de la Fontaine",
                        Gender.M,
                        LocalDate.of(1958, 1, 20),
                        Language.FRE,
                        "Extérieur",
                        "retraité",
                        null,
                        "f.delafontaine@example.be",
                        "087 22 33 44",
                        "Rue Xhavée 41",
                        "4800",
                        "Verviers",
                        PatronStatus.ACTIVE,
                        today.plusMonths(7),
                        null),
                new Demo(
                        "B100002",
                        "Sophie",
                        "Janssens",
                        Gender.F,
                        LocalDate.of(1992, 9, 9),
                        Language.ENG,
                        "Extérieur",
                        "AUTRE HE / UNIV",
                        "Haute École de la Province de Liège",
                        "sophie.janssens@example.be",
                        "0495 11 22 33",
                        "Boulevard d'Avroy 100",
                        "4000",
                        "Luik",
                        PatronStatus.INACTIVE,
                        expired,
                        null),
                new Demo(
                        "B100003",
                        "Pierre",
                        "Gérard",
                        Gender.M,
                        LocalDate.of(1966, 12, 1),
                        Language.FRE,
                        "Société, entreprise, profession juridique",
                        "ENTREPRISE, PROFESSION JURIDIQUE",
                        "Cabinet d'avocats Gérard & Associés",
                        "pierre.gerard@example.be",
                        "04 222 33 44",
                        "Rue Louvrex 55",
                        "4000",
                        "Liège",
                        PatronStatus.ACTIVE,
                        today.plusMonths(2),
                        null),
                new Demo(
                        "B100005",
                        "Zoë",
                        "Çağla-Đurđević",
                        Gender.F,
                        LocalDate.of(1995, 3, 3),
                        Language.ENG,
                        "Extérieur",
                        "AUTRE HE / UNIV",
                        "Hogeschool PXL",
                        "zoe.cagla@example.be",
                        "0472 31 41 59",
                        "Rue Hors-Château 8",
                        "4000",
                        "Liège",
                        PatronStatus.ACTIVE,
                        today.plusMonths(11),
                        null),
                new Demo(
                        "BX100004",
                        "Marie",
                        "Lambert",
                        Gender.F,
                        LocalDate.of(1975, 5, 17),
                        Language.FRE,
                        "Usager BX - PIB",
                        "SOCIETE, ENTREPRISE, PROFESSION JURIDIQUE",
                        "Étude notariale Lambert",
                        "marie.lambert@example.be",
                        "02 511 22 33",
                        "Avenue Louise 200",
                        "1050",
                        "Ixelles",
                        PatronStatus.ACTIVE,
                        today.plusMonths(10),
                        null),
                new Demo(
                        "B950001",
                        "Lucas",
                        "Peeters",
                        Gender.M,
                        LocalDate.of(1998, 2, 28),
                        Language.ENG,
                        "Extérieur",
                        "UNIVERSITE FLAMANDE",
                        "KU Leuven, master geschiedenis",
                        "lucas.peeters@example.be",
                        "0470 98 76 54",
                        "Naamsestraat 22",
                        "3000",
                        "Louvain",
                        PatronStatus.INACTIVE,
                        null,
                        null),
                new Demo(
                        "B950002",
                        "Chloé",
                        "Martin",
                        Gender.F,
                        LocalDate.of(2006, 7, 3),
                        Language.FRE,
                        "Extérieur",
                        "ECOLE SECONDAIRE",
                        "Athénée royal de Chênée",
                        "chloe.martin@example.be",
                        "0488 12 12 12",
                        "Rue de l'Église 3",
                        "4032",
                        "Chênée",
                        PatronStatus.INACTIVE,
                        null,
                        null),
                new Demo(
                        "B950003",
                        "Thomas",
                        "Dubois",
                        Gender.X,
                        LocalDate.of(1989, 10, 21),
                        Language.FRE,
                        "Extérieur",
                        "Alumni ULiège",
                        "Alumni 2012",
                        "thomas.dubois@example.be",
                        "0497 45 45 45",
                        "Rue Saint-Gilles 150",
                        "4000",
                        "Liège",
                        PatronStatus.INACTIVE,
                        null,
                        null),
                // R-RET-1: past their purge date (expired five years ago), for the retention
                // screen's preview on a first start.
                new Demo(
                        "B100006",
                        "Gilberte",
                        "Vandenbroucke",
                        Gender.F,
                        LocalDate.of(1948, 4, 2),
                        Language.FRE,
                        "Extérieur",
                        "Aucun",
                        null,
                        "gilberte.vandenbroucke@example.be",
                        "0476 20 30 40",
                        "Rue Sainte-Walburge 210",
                        "4000",
                        "Liège",
                        PatronStatus.INACTIVE,
                        today.minusYears(5),
                        null),
                new Demo(
                        "B100007",
                        "Mehmet",
                        "Yılmaz",
                        Gender.M,
                        LocalDate.of(1979, 11, 23),
                        Language.FRE,
                        "Extérieur",
                        "AUTRE HE / UNIV",
                        "HEPL",
                        "mehmet.yilmaz@example.be",
                        "0484 55 66 77",
                        "Rue Saint-Léonard 300",
                        "4000",
                        "Liège",
                        PatronStatus.INACTIVE,
                        today.minusYears(6),
                        null),
                new Demo(
                        "BX100008",
                        "Anne-Sophie",
                        "de Fraipont",
                        Gender.F,
                        LocalDate.of(1970, 6, 9),
                        Language.FRE,
                        "Usager BX - PIB",
                        "SOCIETE, ENTREPRISE, PROFESSION JURIDIQUE",
                        "Bureau d'études Fraipont",
                        "as.defraipont@example.be",
                        "04 343 21 21",
                        "Quai de Rome 40",
                        "4000",
                        "Liège",
                        PatronStatus.INACTIVE,
                        today.minusYears(5).minusMonths(2),
                        null));
    }
}
