package be.uliege.library.registration.card;

import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.Language;
import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * Cards and letters for a batch of patrons with photos (R-CARD-3), one after the other on one
 * thread, as a desk's print run: per card the time of the card's PDF, of the letter's, and of both;
 * the bytes allocated; and the heap after garbage collection at checkpoints of the batch, which
 * stays flat if nothing is kept from one card to the next. Not a test: run by
 * {@code bench/card-pdf.sh}, which prints what the figures compare against.
 *
 * <p>Patrons are seeded (the same every run): French, Dutch, German and other European names with
 * accents, a third of them compound or very long; each has a photo of their own (a drawn face, a
 * JPEG at card resolution, made before the timing); one in ten cards is printed already activated.
 * Before the batch, {@code -Dwarmup} cards (default 300, other patrons) let the JIT compiler do its
 * work, as on a server that has been up for a while.
 */
public final class CardPdfBench {

    private static final String[] FIRST = {
        "Élodie",
        "Zoë",
        "Anne-Marie",
        "Jean-Pierre",
        "François",
        "Geneviève",
        "Hélène-Françoise",
        "Jürgen",
        "Çağla",
        "Åsa",
        "Łucja",
        "Ñuria",
        "Øystein",
        "Benoît",
        "Katrien",
        "Ægidius",
        "Marie-Bénédicte Anne-Sophie",
        "Đorđe",
        "Noël",
        "Chloé"
    };
    private static final String[] LAST = {
        "Dupont",
        "Lefèvre",
        "Van den Bossche",
        "Müller",
        "Ørsted-Åström",
        "d’Ursel de Bouillon-Saint-Éloi-Œdipe",
        "Đurđević Ñúñez-Łukasiewicz",
        "Schäfer",
        "Noël",
        "Thiry",
        "Wolfeschlegelsteinhausenbergerdorff de la Fontaine",
        "Çelik",
        "Łukasiewicz",
        "de Hemptinne de Lichtervelde",
        "Peeters",
        "Janssens",
        "Gérard-Remacle",
        "Szőke-Kovács",
        "Vandenberghe",
        "Ben Ali El Idrissi"
    };

    private CardPdfBench() {}

    public static void main(String[] args) {
        int patrons = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int warmup = Integer.getInteger("warmup", 300);
        var random = new Random(2026);
        var batch = new ArrayList<CardPrint>(patrons);
        for (int i = 0; i < patrons; i++) {
            batch.add(patron(random, i));
        }
        var others = new ArrayList<CardPrint>();
        for (int i = 0; i < Math.min(warmup, 50); i++) {
            others.add(patron(random, patrons + i));
        }
        var cards = new CardPdf();
        var letters = new CardLetterPdf();

        long warmupStart = System.nanoTime();
        for (int i = 0; i < warmup; i++) {
            var card = others.get(i % others.size());
            cards.render(card);
            letters.render(card);
        }
        System.out.printf("warm-up: %d cards and letters in %.1f s%n", warmup, (System.nanoTime() - warmupStart) / 1e9);

        var threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().threadId();
        var heapAfterGc = new TreeMap<Integer, Long>();
        heapAfterGc.put(0, heapAfterGc());
        long peakUsed = 0;
        long[] cardNanos = new long[patrons];
        long[] letterNanos = new long[patrons];
        long cardBytes = 0;
        long letterBytes = 0;
        long allocated = 0;
        var checkpoints = List.of(100, 250, 500, 1000, 2000, 5000, patrons);
        for (int i = 0; i < patrons; i++) {
            var card = batch.get(i);
            long allocatedBefore = threads.getThreadAllocatedBytes(thread);
            long start = System.nanoTime();
            cardBytes += cards.render(card).length;
            long between = System.nanoTime();
            letterBytes += letters.render(card).length;
            long end = System.nanoTime();
            allocated += threads.getThreadAllocatedBytes(thread) - allocatedBefore;
            cardNanos[i] = between - start;
            letterNanos[i] = end - between;
            peakUsed = Math.max(peakUsed, usedHeap());
            if (checkpoints.contains(i + 1)) {
                heapAfterGc.put(i + 1, heapAfterGc());
            }
        }

        long[] bothNanos = new long[patrons];
        Arrays.setAll(bothNanos, i -> cardNanos[i] + letterNanos[i]);
        System.out.printf(
                "%d patrons with photos, one thread (java %s, %d cores, max heap %d MB)%n",
                patrons,
                Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("                  median      p95      max   (ms per patron)");
        print("card (2 pages)", cardNanos);
        print("letter (A4)", letterNanos);
        print("card + letter", bothNanos);
        System.out.printf(
                "PDF size: card %.1f KB, letter %.1f KB on average%n",
                cardBytes / 1024.0 / patrons, letterBytes / 1024.0 / patrons);
        System.out.printf(
                "allocated: %.2f MB per card and letter (all garbage once written)%n", allocated / 1048576.0 / patrons);
        System.out.print("heap after GC:");
        heapAfterGc.forEach((done, bytes) -> System.out.printf("  %d cards %.1f MB", done, bytes / 1048576.0));
        System.out.println();
        System.out.printf(
                "peak used heap (sampled after every card, garbage included): %.1f MB%n", peakUsed / 1048576.0);
        double median = percentile(cardNanos, 50) / 1e6;
        long growth =
                heapAfterGc.lastEntry().getValue() - heapAfterGc.firstEntry().getValue();
        System.out.printf("target: card median under 50 ms: %.1f ms, %s%n", median, median < 50 ? "met" : "NOT MET");
        System.out.printf(
                "heap after GC from the first card to the last: %+.1f MB (flat: nothing kept between cards)%n",
                growth / 1048576.0);
    }

    private static CardPrint patron(Random random, int number) {
        var first = FIRST[random.nextInt(FIRST.length)];
        var last = LAST[random.nextInt(LAST.length)];
        if (random.nextInt(3) == 0) {
            last = last + "-" + LAST[random.nextInt(LAST.length)];
        }
        var code = random.nextInt(10) == 0 ? null : "%04d".formatted(random.nextInt(10_000));
        var gender = Gender.values()[random.nextInt(Gender.values().length)];
        var language = random.nextInt(4) == 0 ? Language.ENG : Language.FRE;
        return new CardPrint(
                "B95%04d".formatted(number),
                first,
                last,
                CardFixtures.photo(number),
                code,
                gender,
                language,
                List.of("Rue de l’Université " + (1 + random.nextInt(200)), "4000 Liège", "Belgique"),
                "https://lib.uliege.be/activer",
                5);
    }

    private static void print(String what, long[] nanos) {
        System.out.printf(
                "%-16s %8.1f %8.1f %8.1f%n",
                what, percentile(nanos, 50) / 1e6, percentile(nanos, 95) / 1e6, percentile(nanos, 100) / 1e6);
    }

    private static long percentile(long[] values, int percent) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.clamp(index, 0, sorted.length - 1)];
    }

    private static long heapAfterGc() {
        System.gc();
        System.gc();
        return usedHeap();
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
