package be.uliege.library.registration.load.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the transfer drops (R-SIS-1): plain XML or a zip of XML files, told by their bytes; a zip
 * holding anything else, leaving the folder, with too many entries, corrupt, or decompressing like
 * a bomb is refused whole, its real decompressed bytes counted as they come.
 */
class LoadFileTest {

    @TempDir
    Path folder;

    static String users(String... ids) {
        var xml = new StringBuilder(AlmaUserReaderTest.HEAD);
        for (var id : ids) {
            xml.append(AlmaUserReaderTest.user(id, "Kabongo"));
        }
        return xml.append("</users>").toString();
    }

    Path zip(String name, Map<String, byte[]> entries) throws IOException {
        var file = folder.resolve(name);
        try (var zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    static String refusal(Path file) {
        try {
            LoadFile.check(file, ReadLimits.DEFAULTS);
        } catch (FileRefusedException e) {
            return e.reason().key();
        }
        throw new AssertionError("The file was not refused");
    }

    @Test
    void aZipOfXmlFilesIsReadEntryByEntryWithEachEntrysName() throws IOException {
        var entries = new LinkedHashMap<String, byte[]>();
        entries.put("staff.xml", users("U100001", "U100002").getBytes(StandardCharsets.UTF_8));
        entries.put("students/students.xml", users("S100001").getBytes(StandardCharsets.UTF_8));
        var file = zip("people.zip", entries);

        assertThat(LoadFile.check(file, ReadLimits.DEFAULTS)).isEqualTo(new LoadFile.Summary(2, 3));
        var positions = new ArrayList<String>();
        try (var load = LoadFile.open(file, ReadLimits.DEFAULTS)) {
            for (var reader = load.nextEntry(); reader.isPresent(); reader = load.nextEntry()) {
                for (var row = reader.get().next();
                        row.isPresent();
                        row = reader.get().next()) {
                    positions.add(row.get().position().file() + "#"
                            + row.get().position().element());
                }
            }
        }
        assertThat(positions)
                .containsExactly(
                        "people.zip!/staff.xml#1", "people.zip!/staff.xml#2", "people.zip!/students/students.xml#1");
    }

    @Test
    void aFileIsToldByItsBytesNotItsName() throws IOException {
        var plainNamedZip = folder.resolve("people.zip");
        Files.writeString(plainNamedZip, users("S100001"));
        assertThat(LoadFile.check(plainNamedZip, ReadLimits.DEFAULTS).users()).isEqualTo(1);

        var zipNamedXml = zip("real.zip", Map.of("a.xml", users("S100002").getBytes(StandardCharsets.UTF_8)));
        var renamed = Files.move(zipNamedXml, folder.resolve("people.xml"));
        assertThat(LoadFile.check(renamed, ReadLimits.DEFAULTS).users()).isEqualTo(1);
    }

    @Test
    void aZipHoldingSomethingElseIsRefusedWhole() throws IOException {
        var entries = new LinkedHashMap<String, byte[]>();
        entries.put("people.xml", users("S100001").getBytes(StandardCharsets.UTF_8));
        entries.put("run.sh", "rm -rf /".getBytes(StandardCharsets.UTF_8));
        assertThat(refusal(zip("mixed.zip", entries))).isEqualTo("load.reason.zip-other");
        assertThat(refusal(zip("mac.zip", Map.of("__MACOSX/._people.xml", new byte[] {1}))))
                .isEqualTo("load.reason.zip-other");
    }

    @Test
    void aZipPathLeavingTheFolderIsRefused() throws IOException {
        assertThat(refusal(zip("slip.zip", Map.of("../evil.xml", users("S1").getBytes(StandardCharsets.UTF_8)))))
                .isEqualTo("load.reason.zip-path");
    }

    @Test
    void aZipWithAThousandEntriesIsRefused() throws IOException {
        var entries = new LinkedHashMap<String, byte[]>();
        for (int i = 0; i < 1000; i++) {
            entries.put("part-" + i + ".xml", users().getBytes(StandardCharsets.UTF_8));
        }
        assertThat(refusal(zip("many.zip", entries))).isEqualTo("load.reason.zip-entries");
    }

    @Test
    void anEmptyZipAndACorruptZipAreRefused() throws IOException {
        assertThat(refusal(zip("empty.zip", Map.of()))).isIn("load.reason.zip-empty", "load.reason.zip-corrupt");
        var good =
                zip("good.zip", Map.of("people.xml", users("S100001", "S100002").getBytes(StandardCharsets.UTF_8)));
        var bytes = Files.readAllBytes(good);
        var truncated = folder.resolve("truncated.zip");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(refusal(truncated))
                .isIn("load.reason.zip-corrupt", "load.reason.not-well-formed", "load.reason.unreadable-file");
    }

    /**
     * A real zip bomb: one entry of 2 GiB of empty elements (a few MB compressed). Refused by its
     * compression ratio after about a megabyte decompressed, whatever its headers say.
     */
    @Test
    void aTwoGigabyteZipBombIsRefusedAfterTheFirstMegabyte() throws IOException {
        var bomb = folder.resolve("bomb.zip");
        try (var zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("people.xml"));
            zip.write(AlmaUserReaderTest.HEAD.getBytes(StandardCharsets.UTF_8));
            writeZeros(zip, 2L << 30);
            zip.closeEntry();
        }
        assertThat(Files.size(bomb)).isLessThan(10L << 20);
        long start = System.nanoTime();
        assertThat(refusal(bomb)).isEqualTo("load.reason.zip-ratio");
        assertThat(System.nanoTime() - start)
                .as("stopped early, not after 2 GiB")
                .isLessThan(5_000_000_000L);
    }

    @Test
    void decompressedBytesAreCountedAgainstTheSizeLimitToo() throws IOException {
        var entries = new LinkedHashMap<String, byte[]>();
        entries.put("people.xml", users("S100001", "S100002", "S100003").getBytes(StandardCharsets.UTF_8));
        var file = zip("small.zip", entries);
        var tight = new ReadLimits(4000, 1 << 20, 100, 32, 50, 200, 1_000_000, 256 * 1024);
        assertThatThrownBy(() -> LoadFile.check(file, tight))
                .isInstanceOfSatisfying(
                        FileRefusedException.class,
                        e -> assertThat(e.reason().key()).isEqualTo("load.reason.zip-too-large"));
    }

    private static void writeZeros(OutputStream out, long count) throws IOException {
        // Empty unknown elements, which the reader skips: only the zip's limits can stop it.
        var block = "<z/>".repeat(1 << 18).getBytes(StandardCharsets.US_ASCII);
        for (long written = 0; written < count; written += block.length) {
            out.write(block);
        }
    }
}
