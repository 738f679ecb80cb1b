package be.uliege.library.registration.desk;

import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.PatronStatus;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactUsage;
import be.uliege.library.registration.security.Roles;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Patrons for the desk's lists (issue 15): a BX record registered at the desk, then given the
 * status and the dates a test needs, and an identity check if it was seen at the desk.
 */
public final class ListFixtures {

    private ListFixtures() {}

    /** Letters only, so that a name search finds exactly the patrons of one test. */
    public static String tag() {
        return UUID.randomUUID().toString().substring(0, 8).replaceAll("[\\d-]", "q");
    }

    /** A BX patron named {@code last}, with this status and these dates. */
    public static PatronDetails patron(
            PatronService patrons,
            JdbcTemplate jdbc,
            String last,
            PatronStatus status,
            LocalDate statusDate,
            LocalDate expiration,
            LocalDate purge,
            boolean identityChecked) {
        var mail = "liste." + tag() + "@example.be";
        var created = DeskFixtures.as(
                "manager",
                () -> patrons.registerAtDesk(
                        PatronKind.BX,
                        new PatronDraft(
                                "Lise",
                                last,
                                Gender.F,
                                LocalDate.of(1980, 3, 14),
                                Language.FRE,
                                "Usager BX - PIB",
                                "Aucun",
                                "Cabinet médical",
                                "PIB: Interlibrary Loan Services",
                                null,
                                null,
                                List.of(
                                        ContactDraft.email(mail, ContactUsage.WORK),
                                        ContactDraft.phone("04 342 11 22", ContactUsage.WORK),
                                        ContactDraft.address("Rue Saint-Gilles 30", "4000", "Liège", "BE")))),
                Roles.DESK_OPERATOR,
                Roles.DESK_MANAGER);
        jdbc.update(
                "update patron set status = ?, status_date = ?, expiration_date = ?, purge_date = ? where id = ?",
                status.name(),
                Date.valueOf(statusDate),
                Date.valueOf(expiration),
                Date.valueOf(purge),
                created.id());
        if (identityChecked) {
            jdbc.update(
                    "insert into identity_check (patron_id, document_type, checked_by, checked_at) values (?, ?, ?, ?)",
                    created.id(),
                    "BELGIAN_ID_CARD",
                    "operator",
                    Timestamp.from(Instant.now()));
        }
        return created;
    }
}
