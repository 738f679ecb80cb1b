package be.uliege.library.registration.patron;

import be.uliege.library.registration.base.Text;
import jakarta.persistence.EntityManager;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Finds patrons from one search box (R-ID-6): by any identifier (primary, additional, university
 * key), by e-mail, by phone (typed in any form), by birth date (dd/mm/yyyy, dd.mm.yyyy or
 * yyyy-mm-dd), or by name — accent- and case-insensitive, first and last names in either order,
 * each word a prefix ("dupre elo" finds Élodie Dupré), particles and compound names included.
 */
@Component
class PatronSearch {

    static final int MAX_WORDS = 4;
    static final int MAX_QUERY = 200;

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z]{1,2}\\d{3,}|\\d{5,}[A-Za-z]?|P\\d+");
    private static final Pattern DATE_DMY = Pattern.compile("(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{4})");
    private static final Pattern DATE_ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern PHONE_LIKE = Pattern.compile("[+0-9 ./()\\-]{6,}");

    private final EntityManager entityManager;
    private final PatronRepository patrons;
    private final PatronSettings settings;

    PatronSearch(EntityManager entityManager, PatronRepository patrons, PatronSettings settings) {
        this.entityManager = entityManager;
        this.patrons = patrons;
        this.settings = settings;
    }

    /** What a query was understood as, so that the screen can say it. */
    enum Interpretation {
        IDENTIFIER, EMAIL, PHONE, BIRTH_DATE, NAME, NOTHING
    }

    record Result(Interpretation interpretation, List<Long> ids) {}

    Result search(String rawQuery, int limit) {
        var query = Text.tidy(rawQuery);
        if (query == null || query.isEmpty() || Text.hasInvisibleOrControl(rawQuery.strip())) {
            return new Result(Interpretation.NOTHING, List.of());
        }
        if (query.length() > MAX_QUERY) {
            query = query.substring(0, MAX_QUERY);
        }
        var page = PageRequest.of(0, limit);
        if (query.contains("@")) {
            return new Result(Interpretation.EMAIL, patrons.idsByContact(ContactKind.EMAIL, query, page));
        }
        var date = birthDate(query);
        if (date.isPresent()) {
            return new Result(Interpretation.BIRTH_DATE, patrons.idsByBirthDate(date.get(), page));
        }
        if (IDENTIFIER.matcher(query).matches()) {
            var ids = patrons.idsByAnyIdentifier(query.toUpperCase(Locale.ROOT));
            if (!ids.isEmpty()) {
                return new Result(Interpretation.IDENTIFIER, ids);
            }
        }
        if (PHONE_LIKE.matcher(query).matches()) {
            try {
                var phone = PhoneNumber.parse(query, settings.phoneRegion());
                return new Result(Interpretation.PHONE, patrons.idsByContact(ContactKind.PHONE, phone.digits(), page));
            } catch (InvalidValueException notAPhone) {
                return new Result(Interpretation.PHONE, List.of());
            }
        }
        return new Result(Interpretation.NAME, byName(query, limit));
    }

    @SuppressWarnings("unchecked")
    List<Long> byName(String query, int limit) {
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
            sql.append(" join patron_name_token t").append(i).append(" on t").append(i)
                    .append(".patron_id = t0.patron_id and t").append(i).append(".token like ?").append(i + 1);
        }
        // DISTINCT (not GROUP BY) lets the server stop at the limit instead of sorting every match.
        sql.append(" where t0.token like ?1 limit ").append(limit);
        var nativeQuery = entityManager.createNativeQuery(sql.toString());
        for (int i = 0; i < words.size(); i++) {
            nativeQuery.setParameter(i + 1, words.get(i) + "%");
        }
        var ids = new ArrayList<Long>();
        for (var row : (List<Number>) nativeQuery.getResultList()) {
            ids.add(row.longValue());
        }
        return ids;
    }

    static Optional<LocalDate> birthDate(String query) {
        try {
            var dmy = DATE_DMY.matcher(query);
            if (dmy.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(dmy.group(3)), Integer.parseInt(dmy.group(2)),
                        Integer.parseInt(dmy.group(1))));
            }
            var iso = DATE_ISO.matcher(query);
            if (iso.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3))));
            }
        } catch (DateTimeException notADate) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
