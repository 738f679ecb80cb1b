package be.uliege.library.registration.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The patrons' passwords follow their written policy (R-DESK-4): checked against an alphabet
 * written out here, not against the class's own constants.
 */
class PatronPasswordsTest {

    static final int COUNT = 1_000;
    static final String CAPITALS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".replaceAll("[IO]", "");
    static final String SMALL = "abcdefghijklmnopqrstuvwxyz".replaceAll("[lo]", "");
    static final String DIGITS = "23456789";
    static final String SIGNS = "-+=?!#%";
    static final String ALPHABET = CAPITALS + SMALL + DIGITS + SIGNS;

    @Test
    void everyPasswordHasTwelveCharactersOfTheAlphabet_withTheRequiredMix() {
        var seen = new HashSet<Character>();
        var passwords = new HashSet<String>();
        var firstCharacterKinds = new HashSet<String>();
        for (int i = 0; i < COUNT; i++) {
            var password = PatronPasswords.generate();
            assertThat(password).as(password).hasSize(12);
            assertThat(password.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0))
                    .as(password)
                    .isTrue();
            assertThat(password).as(password).doesNotContainPattern("[0O1lIo \"'`]");
            assertThat(count(password, CAPITALS)).as(password).isGreaterThanOrEqualTo(2);
            assertThat(count(password, SMALL)).as(password).isGreaterThanOrEqualTo(2);
            assertThat(count(password, DIGITS)).as(password).isGreaterThanOrEqualTo(2);
            assertThat(count(password, SIGNS)).as(password).isGreaterThanOrEqualTo(1);
            password.chars().forEach(c -> seen.add((char) c));
            passwords.add(password);
            firstCharacterKinds.add(kind(password.charAt(0)));
        }
        // The whole alphabet is used (63 characters: the policy's "cannot be mistaken" set), no more.
        assertThat(ALPHABET).hasSize(63);
        assertThat(seen).hasSize(ALPHABET.length());
        // Random: no repeats, and the required characters are not at fixed places.
        assertThat(passwords).hasSize(COUNT);
        assertThat(firstCharacterKinds).containsExactlyInAnyOrder("capital", "small", "digit", "sign");
    }

    @Test
    void charactersAreDrawnEvenly() {
        var counts = new HashMap<Character, Integer>();
        for (int i = 0; i < COUNT * 5; i++) {
            for (var c : PatronPasswords.generate().toCharArray()) {
                counts.merge(c, 1, Integer::sum);
            }
        }
        // Within a kind, every character about as frequent as the others (60 000 draws: loose bounds).
        for (var kindAlphabet : new String[] {CAPITALS, SMALL, DIGITS, SIGNS}) {
            var perChar = kindAlphabet
                    .chars()
                    .mapToObj(c -> counts.getOrDefault((char) c, 0))
                    .toList();
            double mean = perChar.stream().mapToInt(Integer::intValue).average().orElseThrow();
            assertThat(perChar)
                    .as(kindAlphabet)
                    .allSatisfy(n -> assertThat(n).isBetween((int) (mean * 0.8), (int) (mean * 1.2)));
        }
    }

    @Test
    void theHashIsSaltedShaInTheFormOpenLdapReads() throws Exception {
        var password = PatronPasswords.generate();
        for (var scheme : PatronPasswords.Scheme.values()) {
            var hash = PatronPasswords.hash(password, scheme);
            assertThat(hash).startsWith("{" + scheme.name() + "}").doesNotContain(password);
            var bytes = Base64.getDecoder().decode(hash.substring(scheme.name().length() + 2));
            var digestLength = Map.of(
                            PatronPasswords.Scheme.SSHA,
                            20,
                            PatronPasswords.Scheme.SSHA256,
                            32,
                            PatronPasswords.Scheme.SSHA512,
                            64)
                    .get(scheme);
            assertThat(bytes).hasSize(digestLength + 8);
            var salt = Arrays.copyOfRange(bytes, digestLength, bytes.length);
            var digest = MessageDigest.getInstance(Map.of(
                            PatronPasswords.Scheme.SSHA,
                            "SHA-1",
                            PatronPasswords.Scheme.SSHA256,
                            "SHA-256",
                            PatronPasswords.Scheme.SSHA512,
                            "SHA-512")
                    .get(scheme));
            digest.update(password.getBytes(StandardCharsets.UTF_8));
            digest.update(salt);
            assertThat(Arrays.copyOf(bytes, digestLength)).isEqualTo(digest.digest());
        }
        // A new salt every time: the same password never gives the same value twice.
        Set<String> hashes = IntStream.range(0, 50)
                .mapToObj(i -> PatronPasswords.hash(password, PatronPasswords.Scheme.SSHA))
                .collect(Collectors.toSet());
        assertThat(hashes).hasSize(50);
    }

    private static long count(String password, String alphabet) {
        return password.chars().filter(c -> alphabet.indexOf(c) >= 0).count();
    }

    private static String kind(char c) {
        return CAPITALS.indexOf(c) >= 0
                ? "capital"
                : SMALL.indexOf(c) >= 0 ? "small" : DIGITS.indexOf(c) >= 0 ? "digit" : "sign";
    }
}
