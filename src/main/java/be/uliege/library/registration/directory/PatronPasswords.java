package be.uliege.library.registration.directory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * The patrons' passwords (R-DESK-4, R-DESK-8). The written policy:
 *
 * <ul>
 *   <li>12 characters drawn by a {@link SecureRandom} from 63 that cannot be mistaken for one
 *       another on a printed slip or when typed from it (no 0/O/o, 1/l/I, no space or quotes);
 *   <li>at least two capitals, two small letters, two digits and one sign of {@code - + = ? ! # %},
 *       at random places;
 *   <li>about 70 bits of randomness; the password is shown once to the operator and printed for
 *       the patron, never stored by this application, never logged, never mailed;
 *   <li>the directory receives it already hashed (salted SHA, the {@code {SSHA}} scheme OpenLDAP
 *       reads without extra modules by default; {@code {SSHA256}} or {@code {SSHA512}} by
 *       configuration), so that its clear form leaves the desk only on the patron's slip.
 * </ul>
 */
public final class PatronPasswords {

    static final int LENGTH = 12;
    static final String CAPITALS = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final String SMALL = "abcdefghijkmnpqrstuvwxyz";
    static final String DIGITS = "23456789";
    static final String SIGNS = "-+=?!#%";

    private static final SecureRandom RANDOM = new SecureRandom();

    private PatronPasswords() {}

    /** A new password under the policy above. */
    public static String generate() {
        var chars = new ArrayList<Character>(LENGTH);
        pick(chars, CAPITALS, 2);
        pick(chars, SMALL, 2);
        pick(chars, DIGITS, 2);
        pick(chars, SIGNS, 1);
        pick(chars, CAPITALS + SMALL + DIGITS + SIGNS, LENGTH - chars.size());
        Collections.shuffle(chars, RANDOM);
        var password = new StringBuilder(LENGTH);
        chars.forEach(password::append);
        return password.toString();
    }

    private static void pick(List<Character> into, String alphabet, int count) {
        for (int i = 0; i < count; i++) {
            into.add(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
    }

    /** The supported {@code userPassword} schemes: salted SHA-1, SHA-256, SHA-512 (RFC 2307 style). */
    enum Scheme {
        SSHA("SHA-1"),
        SSHA256("SHA-256"),
        SSHA512("SHA-512");

        private final String algorithm;

        Scheme(String algorithm) {
            this.algorithm = algorithm;
        }
    }

    /** {@code {SCHEME}base64(digest(password + salt) + salt)} with a random 8-byte salt. */
    static String hash(String password, Scheme scheme) {
        var salt = new byte[8];
        RANDOM.nextBytes(salt);
        try {
            var digest = MessageDigest.getInstance(scheme.algorithm);
            digest.update(password.getBytes(StandardCharsets.UTF_8));
            digest.update(salt);
            var hashed = digest.digest();
            var value = new byte[hashed.length + salt.length];
            System.arraycopy(hashed, 0, value, 0, hashed.length);
            System.arraycopy(salt, 0, value, hashed.length, salt.length);
            return "{" + scheme.name() + "}" + Base64.getEncoder().encodeToString(value);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(scheme.algorithm + " is part of every Java runtime", e);
        }
    }
}
