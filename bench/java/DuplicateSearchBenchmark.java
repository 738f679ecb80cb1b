import be.uliege.library.registration.patron.DuplicateSearch;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactUsage;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Duplicate candidate search over many patrons (R-DESK-3): fills the embedded MariaDB with the
 * name-search benchmark's generated patrons (seeded), then asks DuplicateSearch.candidates —
 * what the desk and the public form call — for drafts made from existing patrons (half of them
 * with a typo in the surname or a digit off in the birth date) and for new people, each with an
 * e-mail and a phone of their own. Target: p95 under 50 ms over 1,000,000 patrons.
 *
 * Usage: bench/duplicate-search.sh [patrons=1000000] [queries=2000]
 */
public class DuplicateSearchBenchmark {

    public static void main(String[] args) throws Exception {
        int patrons = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        var context = BenchApp.start(Map.of());
        try {
            var jdbc = context.getBean(JdbcTemplate.class);
            var service = context.getBean(DuplicateSearch.class);
            long t0 = System.nanoTime();
            var names = NameSearchBenchmark.fill(jdbc, patrons);
            System.out.printf("Filled %,d patrons in %.1f s%n", patrons, (System.nanoTime() - t0) / 1e9);

            var random = new Random(11);
            var drafts = new ArrayList<PatronDraft>();
            for (int i = 0; i < queries + 200; i++) {
                int n = random.nextInt(patrons);
                var name = names.get(n);
                var birth = jdbc.queryForObject("select birth_date from patron where id = ?", Date.class, n + 1L)
                        .toLocalDate();
                String first = name[0];
                String last = name[1];
                switch (i % 4) {
                    case 0 -> {} // the same person as written
                    case 1 ->
                        last = last.length() > 4 ? last.substring(0, 2) + last.substring(3) : last; // a letter dropped
                    case 2 ->
                        birth = birth.getDayOfMonth() < 28 ? birth.plusDays(1) : birth.minusDays(1); // a digit off
                    default -> { // someone new
                        first = NameSearchBenchmark.FIRST[random.nextInt(NameSearchBenchmark.FIRST.length)];
                        last = "Nouveau" + random.nextInt(100000);
                        birth = LocalDate.of(1940 + random.nextInt(65), 1 + random.nextInt(12), 1 + random.nextInt(28));
                    }
                }
                drafts.add(new PatronDraft(
                        first,
                        last,
                        Gender.F,
                        birth,
                        Language.FRE,
                        "Extérieur",
                        "Aucun",
                        null,
                        "PIB: Interlibrary Loan Services",
                        null,
                        null,
                        List.of(
                                ContactDraft.email("visitor" + i + "@example.be", ContactUsage.PERSONAL),
                                ContactDraft.phone("0476 " + String.format("%06d", i), ContactUsage.MOBILE))));
            }
            for (var draft : drafts.subList(0, 200)) {
                service.candidates(draft, -1); // warm-up
            }
            var times = new double[queries];
            long found = 0;
            for (int i = 0; i < queries; i++) {
                long start = System.nanoTime();
                found += service.candidates(drafts.get(200 + i), -1).size();
                times[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(times);
            double p95 = times[(int) Math.floor(queries * 0.95)];
            System.out.printf(
                    "Duplicate candidates over %,d patrons: %d drafts, p50 %.2f ms, p95 %.2f ms, max %.2f ms "
                            + "(%.2f candidates per draft)%n",
                    patrons, queries, times[queries / 2], p95, times[queries - 1], found / (double) queries);
            System.out.printf("Target: p95 < 50 ms -> %s%n", p95 < 50 ? "MET" : "NOT MET");
        } finally {
            context.close();
        }
        System.exit(0);
    }
}
