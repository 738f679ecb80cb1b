package be.uliege.library.registration.patron;

import be.uliege.library.registration.base.Text;
import be.uliege.library.registration.patron.contact.ContactKind;
import be.uliege.library.registration.patron.contact.InvalidValueException;
import be.uliege.library.registration.patron.contact.PhoneNumber;
import be.uliege.library.registration.patron.internal.PatronRepository;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Finds patrons from one search box (R-ID-6): by any identifier (primary, additional, university
 * key) or its beginning ("S19", "b1000": a letter or two and digits, three characters at least, so
 * that a letter alone never lists a whole kind), by e-mail, by phone (typed in any form), by birth
 * date (dd/mm/yyyy, dd.mm.yyyy or yyyy-mm-dd), or by name — accent- and case-insensitive, first and
 * last names in either order, each word a prefix ("dupre elo" finds Élodie Dupré), particles and
 * compound names included. A kind, a status and where the expiration stands (issue 15: valid,
 * expiring within 30 days, expired — against today in the library's time zone) narrow any of them,
 * in the query itself, so that the limit counts only patrons that pass.
 *
 * @see "docs/decisions/0004-name-search.md"
 */
@Component
class PatronSearch {

    static final int MAX_WORDS = 4;
    static final int MAX_QUERY = 200;

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z]{1,2}\\d{3,}|\\d{5,}[A-Za-z]?|P\\d+");
    private static final Pattern DATE_DMY = Pattern.compile("(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{4})");
    private static final Pattern DATE_ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern PHONE_LIKE = Pattern.compile("[+0-9 ./()\\-]{6,}");
    /** The beginning of an identifier: its letters, then at least one digit. */
    private static final Pattern IDENTIFIER_START = Pattern.compile("[A-Za-z]{1,2}\\d+");
    /** Shorter beginnings ("S1", "B9") would list a good part of a kind. */
    static final int MIN_IDENTIFIER_START = 3;

    private final EntityManager entityManager;
    private final PatronRepository patrons;
    private final PatronSettings settings;
    private final Clock clock;

    PatronSearch(EntityManager entityManager, PatronRepository patrons, PatronSettings settings, Clock clock) {
        this.entityManager = entityManager;
        this.patrons = patrons;
        this.settings = settings;
        this.clock = clock;
    }

    /** The expiration dates an expiry filter lets through, both included; null: no bound. */
    record Expirations(@Nullable LocalDate from, @Nullable LocalDate to) {

        static Expirations of(PatronService.@Nullable Expiry expiry, LocalDate today) {
            if (expiry == null) {
                return new Expirations(null, null);
            }
            return switch (expiry) {
                case VALID -> new Expirations(today, null);
                case EXPIRING -> new Expirations(today, today.plusDays(PatronService.EXPIRING_WITHIN_DAYS));
                case EXPIRED -> new Expirations(null, today.minusDays(1));
            };
        }
    }

    private Expirations expirations(PatronService.SearchFilter filter) {
        return Expirations.of(filter.expiry(), LocalDate.now(clock));
    }

    /** What a query was understood as, so that the screen can say it. */
    enum Interpretation {
        IDENTIFIER,
        IDENTIFIER_PREFIX,
        EMAIL,
        PHONE,
        BIRTH_DATE,
        NAME,
        NOTHING,
        /** The beginning of an identifier too short to search by (fewer than three characters). */
        TOO_SHORT
    }

    record Result(Interpretation interpretation, List<Long> ids) {}

    Result search(String rawQuery, int limit) {
        return search(rawQuery, PatronService.SearchFilter.NONE, limit);
    }

    Result search(String rawQuery, PatronService.SearchFilter filter, int limit) {
        var query = Text.tidy(rawQuery);
        if (query == null || query.isEmpty() || Text.hasInvisibleOrControl(rawQuery.strip())) {
            return new Result(Interpretation.NOTHING, List.of());
        }
        if (query.length() > MAX_QUERY) {
            query = query.substring(0, MAX_QUERY);
        }
        var page = PageRequest.of(0, limit);
        if (query.contains("@")) {
            return new Result(
                    Interpretation.EMAIL, narrowed(patrons.idsByContact(ContactKind.EMAIL, query, page), filter));
        }
        var date = birthDate(query);
        if (date.isPresent()) {
            return new Result(
                    Interpretation.BIRTH_DATE,
                    patrons.idsByBirthDate(
                            date.get(),
                            filter.kind(),
                            filter.status(),
                            expirations(filter).from(),
                            expirations(filter).to(),
                            page));
        }
        if (IDENTIFIER.matcher(query).matches()) {
            var ids = patrons.idsByAnyIdentifier(query.toUpperCase(Locale.ROOT));
            if (!ids.isEmpty()) {
                return new Result(Interpretation.IDENTIFIER, narrowed(ids, filter));
            }
        }
        if (IDENTIFIER_START.matcher(query).matches()) {
            if (query.length() < MIN_IDENTIFIER_START) {
                return new Result(Interpretation.TOO_SHORT, List.of());
            }
            var ids = byIdentifierStart(query.toUpperCase(Locale.ROOT), filter, limit);
            if (!ids.isEmpty()) {
                return new Result(Interpretation.IDENTIFIER_PREFIX, ids);
            }
        }
        if (PHONE_LIKE.matcher(query).matches()) {
            try {
                var phone = PhoneNumber.parse(query, settings.phoneRegion());
                return new Result(
                        Interpretation.PHONE,
                        narrowed(patrons.idsByContact(ContactKind.PHONE, phone.digits(), page), filter));
            } catch (InvalidValueException notAPhone) {
                return new Result(Interpretation.PHONE, List.of());
            }
        }
        return new Result(Interpretation.NAME, byName(query, filter, limit));
    }

    /** The few patrons found by an exact value that are of the kind, status and expiry asked for, in their order. */
    private List<Long> narrowed(List<Long> ids, PatronService.SearchFilter filter) {
        if (ids.isEmpty() || !filter.narrows()) {
            return ids;
        }
        var expirations = expirations(filter);
        var kept = new HashSet<>(
                patrons.idsOfKindAndStatus(ids, filter.kind(), filter.status(), expirations.from(), expirations.to()));
        return ids.stream().filter(kept::contains).toList();
    }

    /**
     * The patrons whose primary identifier, university key or an additional identifier begins with
     * these letters and digits: each a range scan of its unique index ({@code LIKE 'S19%'}), cut at
     * the limit in identifier order. The beginning is letters and digits only: no LIKE escape needed.
     */
    @SuppressWarnings("unchecked")
    List<Long> byIdentifierStart(String start, PatronService.SearchFilter filter, int limit) {
        // ?1 the beginning, then the kind, the status and the expiry when asked for: the same in each branch.
        var narrow = new StringBuilder();
        var values = new ArrayList<Object>(List.of(start + "%"));
        narrow(filter, values, narrow, 0);
        var sql = "(select p.id from patron p where p.primary_identifier like ?1" + narrow
                + " order by p.primary_identifier limit " + limit + ")"
                + " union (select p.id from patron p where p.university_key like ?1" + narrow
                + " order by p.university_key limit " + limit + ")"
                + " union (select p.id from additional_identifier a join patron p on p.id = a.patron_id"
                + " where a.id_value like ?1" + narrow + " order by a.id_value limit " + limit + ")"
                + " limit " + limit;
        var nativeQuery = entityManager.createNativeQuery(sql);
        for (int i = 0; i < values.size(); i++) {
            nativeQuery.setParameter(i + 1, values.get(i));
        }
        var ids = new ArrayList<Long>();
        for (var row : (List<Number>) nativeQuery.getResultList()) {
            ids.add(row.longValue());
        }
        return ids;
    }

    List<Long> byName(String query, int limit) {
        return byName(query, PatronService.SearchFilter.NONE, limit);
    }

    @SuppressWarnings("unchecked")
    List<Long> byName(String query, PatronService.SearchFilter filter, int limit) {
        var words = Arrays.stream(Text.searchKey(query).split(" "))
                .filter(w -> !w.isEmpty())
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .limit(MAX_WORDS)
                .toList();
        if (words.isEmpty()) {
            return List.of();
        }
        // The longest word drives the index range scan; each other word must be another token of
        // the same patron. Words are letters and digits only (search keys), so LIKE needs no escape.
        var sql = new StringBuilder("select distinct t0.patron_id from patron_name_token t0");
        for (int i = 1; i < words.size(); i++) {
            sql.append(" join patron_name_token t")
                    .append(i)
                    .append(" on t")
                    .append(i)
                    .append(".patron_id = t0.patron_id and t")
                    .append(i)
                    .append(".token like ?")
                    .append(i + 1);
        }
        // A kind or a status: each patron found is looked up by its key, the token scan unchanged.
        var values = new ArrayList<Object>();
        if (filter.narrows()) {
            sql.append(" join patron p on p.id = t0.patron_id");
            narrow(filter, values, sql, words.size());
        }
        // DISTINCT (not GROUP BY) lets the server stop at the limit instead of sorting every match.
        sql.append(" where t0.token like ?1 limit ").append(limit);
        var nativeQuery = entityManager.createNativeQuery(sql.toString());
        for (int i = 0; i < words.size(); i++) {
            nativeQuery.setParameter(i + 1, words.get(i) + "%");
        }
        for (int i = 0; i < values.size(); i++) {
            nativeQuery.setParameter(words.size() + i + 1, values.get(i));
        }
        var ids = new ArrayList<Long>();
        for (var row : (List<Number>) nativeQuery.getResultList()) {
            ids.add(row.longValue());
        }
        return ids;
    }

    /**
     * Appends the filter's conditions on {@code p} to a native query, each value a numbered
     * parameter after the {@code before} ones and those already in {@code values}.
     */
    private void narrow(PatronService.SearchFilter filter, List<Object> values, StringBuilder sql, int before) {
        if (filter.kind() != null) {
            values.add(filter.kind().name());
            sql.append(" and p.kind = ?").append(before + values.size());
        }
        if (filter.status() != null) {
            values.add(filter.status().name());
            sql.append(" and p.status = ?").append(before + values.size());
        }
        var expirations = expirations(filter);
        if (expirations.from() != null) {
            values.add(expirations.from());
            sql.append(" and p.expiration_date >= ?").append(before + values.size());
        }
        if (expirations.to() != null) {
            values.add(expirations.to());
            sql.append(" and p.expiration_date <= ?").append(before + values.size());
        }
    }

    static Optional<LocalDate> birthDate(String query) {
        try {
            var dmy = DATE_DMY.matcher(query);
            if (dmy.matches()) {
                return Optional.of(LocalDate.of(
                        Integer.parseInt(dmy.group(3)),
                        Integer.parseInt(dmy.group(2)),
                        Integer.parseInt(dmy.group(1))));
            }
            var iso = DATE_ISO.matcher(query);
            if (iso.matches()) {
                return Optional.of(LocalDate.of(
                        Integer.parseInt(iso.group(1)),
                        Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3))));
            }
        } catch (DateTimeException notADate) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
