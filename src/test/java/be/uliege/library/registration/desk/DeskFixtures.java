package be.uliege.library.registration.desk;

import be.uliege.library.registration.directory.PatronAccounts;
import be.uliege.library.registration.embedded.EmbeddedServers;
import be.uliege.library.registration.fee.FeeLine;
import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.IdentityDocument;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.preregistration.PreRegistrationForm;
import be.uliege.library.registration.preregistration.PreRegistrationService;
import be.uliege.library.registration.preregistration.Use;
import be.uliege.library.registration.security.Roles;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** What the desk tests share: a confirmed pre-registration, waiting for what runs after a commit, the mail server. */
public final class DeskFixtures {

    private DeskFixtures() {}

    public record Entry(long id, long patronId, String identifier, String email) {}

    /** A pre-registration submitted and confirmed an hour ago: in the desk's queue. */
    public static Entry confirmed(
            PreRegistrationService registrations, JdbcTemplate jdbc, String first, String last, Use use) {
        var email = "desk." + UUID.randomUUID().toString().substring(0, 10) + "@example.be";
        var form = new PreRegistrationForm(
                first,
                last,
                LocalDate.of(1960, 1, 1).plusDays(Math.floorMod(email.hashCode(), 15000)),
                Gender.F,
                Language.FRE,
                email,
                "0477 " + String.format("%06d", Math.floorMod(email.hashCode(), 1_000_000)),
                "Rue de la Cathédrale 12",
                "4000",
                "Liège",
                "BE",
                use == Use.PROFESSIONAL ? "ENTREPRISE, PROFESSION JURIDIQUE" : "Aucun",
                use == Use.PROFESSIONAL ? "Cabinet Lex & Associés" : null,
                use,
                "2026-1",
                true);
        var submitted = registrations.submit(form);
        jdbc.update(
                "update pre_registration set status = 'CONFIRMED', confirmed_at = ? where patron_identifier = ?",
                Timestamp.from(Instant.now().minus(Duration.ofHours(1))),
                submitted.identifier());
        var ids = jdbc.queryForMap(
                "select id, patron_id from pre_registration where patron_identifier = ?", submitted.identifier());
        return new Entry(
                ((Number) ids.get("id")).longValue(),
                ((Number) ids.get("patron_id")).longValue(),
                submitted.identifier(),
                email);
    }

    /** Waits for something done after a commit (a listener, a retry); fails with the description. */
    public static void await(String what, Duration limit, BooleanSupplier done) {
        var end = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Still not done after " + limit + ": " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The mails received for an address whose subject contains the text. */
    public static List<MimeMessage> mailsTo(String email, String subjectPart) {
        var found = new ArrayList<MimeMessage>();
        try {
            for (var m :
                    Objects.requireNonNull(EmbeddedServers.running()).mail().getReceivedMessages()) {
                if (m.getAllRecipients()[0].toString().equalsIgnoreCase(email)
                        && m.getSubject().contains(subjectPart)) {
                    found.add(m);
                }
            }
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
        return found;
    }

    /**
     * A pre-registration validated at the desk as a new record, its card fee paid in cash at ALP:
     * ready for the registration step (R-DESK-4). Runs as the signed-in test user.
     *
     * @return the patron's id
     */
    public static long readyForRegistration(
            PreRegistrationService registrations,
            JdbcTemplate jdbc,
            DeskValidation validation,
            PatronService patrons,
            Fees fees,
            String first,
            String last) {
        var entry = confirmed(registrations, jdbc, first, last, Use.PRIVATE);
        var record = patrons.details(entry.patronId());
        validation.validateAsNew(entry.id(), record.version(), record.draft(), IdentityDocument.BELGIAN_ID_CARD);
        fees.payCash(
                fees.registrationFees(entry.patronId()).stream()
                        .map(FeeLine::id)
                        .toList(),
                "ALP");
        return entry.patronId();
    }

    /** Runs as another signed-in staff member (in this thread), then restores the previous one. */
    public static <T> T as(String uid, Supplier<T> action, String... roles) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                uid,
                "n/a",
                Arrays.stream(roles)
                        .map(r -> new SimpleGrantedAuthority("ROLE_" + r))
                        .toList()));
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** Whether the password binds to the patron's entry in the embedded directory. */
    public static boolean binds(String identifier, String password) {
        var directory = Objects.requireNonNull(EmbeddedServers.running()).directory();
        try (var connection = directory.getConnection()) {
            return connection
                            .bind("uid=" + identifier + ",ou=patrons,dc=uliege,dc=be", password)
                            .getResultCode()
                    == ResultCode.SUCCESS;
        } catch (LDAPException e) {
            return false;
        }
    }

    /** Whether the patron's directory account is written (DONE), enabled or disabled as asked. */
    public static boolean accountIs(PatronAccounts accounts, long patronId, boolean enabled) {
        return as(
                "operator",
                () -> accounts.status(patronId)
                        .filter(a -> a.state() == PatronAccounts.State.DONE && a.enabled() == enabled)
                        .isPresent(),
                Roles.DESK_OPERATOR);
    }
}
