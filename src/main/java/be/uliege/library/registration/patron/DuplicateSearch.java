package be.uliege.library.registration.patron;

import be.uliege.library.registration.base.Text;
import be.uliege.library.registration.patron.contact.ContactKind;
import be.uliege.library.registration.patron.contact.EmailAddress;
import be.uliege.library.registration.patron.contact.InvalidValueException;
import be.uliege.library.registration.patron.contact.PhoneNumber;
import be.uliege.library.registration.patron.duplicate.Resemblance;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Duplicate candidates (R-PRE-5, R-DESK-3): the records that may be the same person as a draft,
 * found by index and scored by {@link Resemblance}. Asked by the public form for every submission
 * and by the desk's validation and walk-in screens.
 */
@Service
public class DuplicateSearch {

    private final JdbcTemplate jdbc;
    private final PatronSettings settings;

    DuplicateSearch(JdbcTemplate jdbc, PatronSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /**
     * The records that may be the same person as the draft, from every population (active,
     * expired, pending, former U/S/C), best first (R-PRE-5, R-DESK-3). Every record that can reach
     * the candidate score shares an e-mail, a phone or a birth date (exact, one digit off, or day
     * and month swapped) with the draft: those are looked up by index, then scored by
     * {@link Resemblance}. A shared e-mail or phone is shown even below the score, for staff to look.
     *
     * <p>Plain SQL without a transaction: the public form asks for every submission.
     */
    // Anyone: a public submission is flagged when it resembles a record; only the desk sees the candidates.
    @PreAuthorize("permitAll()")
    public List<DuplicateCandidate> candidates(PatronDraft draft, long excludedId) {
        var emails = new HashSet<String>();
        var phones = new HashSet<String>();
        for (var contact : draft.contacts()) {
            try {
                if (contact.kind() == ContactKind.EMAIL && contact.value() != null) {
                    emails.add(EmailAddress.parse(contact.value()).value());
                } else if (contact.kind() == ContactKind.PHONE && contact.value() != null) {
                    phones.add(PhoneNumber.parse(contact.value(), settings.phoneRegion())
                            .digits());
                }
            } catch (InvalidValueException unusable) {
                // an unusable value matches nobody
            }
        }
        // Records sharing an e-mail or a phone: with their contact items, which take part in the score.
        var byContact = new LinkedHashSet<Long>();
        for (var email : emails) {
            byContact.addAll(idsByContact(ContactKind.EMAIL, email));
        }
        for (var phone : phones) {
            byContact.addAll(idsByContact(ContactKind.PHONE, phone));
        }
        byContact.remove(excludedId);
        var people = new LinkedHashMap<Long, Resemblance.Person>();
        RowCallbackHandler person = row -> {
            var birth = row.getDate(4);
            var gender = row.getString(5);
            people.putIfAbsent(
                    row.getLong(1),
                    new Resemblance.Person(
                            row.getString(2),
                            row.getString(3),
                            birth == null ? null : birth.toLocalDate(),
                            new HashSet<>(),
                            new HashSet<>(),
                            gender == null ? null : Gender.valueOf(gender)));
        };
        if (!byContact.isEmpty()) {
            var marks = String.join(",", Collections.nCopies(byContact.size(), "?"));
            jdbc.query(
                    "select id, first_name, last_name, birth_date, gender from patron where id in (" + marks + ")",
                    person,
                    byContact.toArray());
            jdbc.query(
                    "select patron_id, kind, item_value from contact_item where kind in ('EMAIL', 'PHONE') "
                            + "and patron_id in (" + marks + ")",
                    row -> {
                        var known = people.get(row.getLong(1));
                        ("EMAIL".equals(row.getString(2)) ? known.emails() : known.phones()).add(row.getString(3));
                    },
                    byContact.toArray());
        }
        // Records born the same day (or with day and month swapped), and records a digit away whose
        // surname starts with the same letter (the collation ignores accents and case): those share
        // no e-mail or phone with the draft (they would be above), so names and birth date are all
        // that count, and without a close name a date a digit away cannot make a candidate.
        if (draft.birthDate() != null) {
            var birth = draft.birthDate();
            var sameDay = new ArrayList<Object>(List.of(Date.valueOf(birth)));
            if (birth.getDayOfMonth() <= 12 && birth.getDayOfMonth() != birth.getMonthValue()) {
                sameDay.add(Date.valueOf(LocalDate.of(birth.getYear(), birth.getDayOfMonth(), birth.getMonthValue())));
            }
            jdbc.query(
                    "select id, first_name, last_name, birth_date, gender from patron where birth_date in ("
                            + String.join(",", Collections.nCopies(sameDay.size(), "?")) + ") limit 1000",
                    person,
                    sameDay.toArray());
            var initial = Text.searchKey(draft.lastName());
            if (!initial.isEmpty()) {
                var typos = Resemblance.nearlySameDates(birth).stream()
                        .map(Date::valueOf)
                        .filter(d -> !sameDay.contains(d))
                        .toList();
                var arguments = new ArrayList<Object>(typos);
                arguments.add(initial.substring(0, 1) + "%");
                jdbc.query(
                        "select id, first_name, last_name, birth_date, gender from patron where birth_date in ("
                                + String.join(",", Collections.nCopies(typos.size(), "?"))
                                + ") and last_name like ? limit 1000",
                        person,
                        arguments.toArray());
            }
        }
        people.remove(excludedId);
        var scorer = Resemblance.against(new Resemblance.Person(
                Objects.toString(draft.firstName(), ""),
                Objects.toString(draft.lastName(), ""),
                draft.birthDate(),
                emails,
                phones,
                draft.gender()));
        return people.entrySet().stream()
                .map(e -> new DuplicateCandidate(e.getKey(), scorer.apply(e.getValue())))
                .filter(c -> c.score().isWorthShowing())
                .sorted(Comparator.comparingInt(
                                (DuplicateCandidate c) -> c.score().value())
                        .reversed())
                .toList();
    }

    private List<Long> idsByContact(ContactKind kind, String value) {
        return jdbc.queryForList(
                "select distinct patron_id from contact_item where kind = ? and item_value = ? limit 20",
                Long.class,
                kind.name(),
                value);
    }
}
