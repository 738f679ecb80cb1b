package be.uliege.library.registration.patron;

import java.util.Locale;

/** The language of a patron's letters and mails (R-REC-1), with the library system's codes. */
public enum Language {
    FRE("fre", Locale.FRENCH),
    ENG("eng", Locale.ENGLISH);

    private final String code;
    private final Locale locale;

    Language(String code, Locale locale) {
        this.code = code;
        this.locale = locale;
    }

    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }
}
