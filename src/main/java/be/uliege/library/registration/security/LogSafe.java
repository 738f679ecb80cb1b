package be.uliege.library.registration.security;

/** Makes a value typed by an unknown person safe to write in a log line (no forged lines). */
final class LogSafe {

    private LogSafe() {}

    static String token(String value) {
        var cut = value.length() > 64 ? value.substring(0, 64) + "…" : value;
        return cut.replaceAll("[^\\p{Alnum}._@-]", "?");
    }
}
