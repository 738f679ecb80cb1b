package be.uliege.library.registration.export;

import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.identifier.IdentifierType;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the export writes the library system's codes (R-INT-3), shipped with ULiège's values
 * ({@code application.yml}; docs/alma-user-mapping.md).
 *
 * @param folder          where the files are written (the library system's transfer fetches them)
 * @param cron            when the nightly export runs (after the purge)
 * @param maxUsersPerFile Alma's limit of users per file
 * @param externalId      the SIS profile the users belong to in Alma ({@code external_id})
 * @param groups          our user groups and their Alma codes
 * @param jobCategories   our job categories and their Alma codes; one not listed gets its name
 *                        as a code (upper case, without accents, words joined by "_")
 * @param languages       our languages and Alma's codes
 * @param identifierTypes our identifier types and Alma's {@code id_type} codes
 * @param rsLibraries     our resource-sharing libraries and Alma's codes
 * @param keepFiles       how long the files stay in the folder (they hold personal data; the
 *                        library system fetches them the same night): then deleted, the run kept
 */
@ConfigurationProperties("registration.export")
public record ExportSettings(
        Path folder,
        @DefaultValue("0 0 4 * * *") String cron,
        @DefaultValue("20000") int maxUsersPerFile,
        @DefaultValue("SIS_REGISTRATION") String externalId,
        List<Code> groups,
        List<Code> jobCategories,
        Map<Language, String> languages,
        Map<IdentifierType, String> identifierTypes,
        List<Code> rsLibraries,
        @DefaultValue("30d") java.time.Duration keepFiles) {

    /** One of our values and the code Alma knows it by. */
    public record Code(String name, String code) {}

    String group(String name) {
        return code(groups, name);
    }

    String jobCategory(String name) {
        return code(jobCategories, name);
    }

    String rsLibrary(String name) {
        return code(rsLibraries, name);
    }

    private static String code(List<Code> codes, String name) {
        return codes.stream()
                .filter(c -> c.name().equals(name))
                .map(Code::code)
                .findFirst()
                .orElseGet(() -> slug(name));
    }

    /** "Société, entreprise" → "SOCIETE_ENTREPRISE": a code Alma accepts for a value not configured. */
    static String slug(String name) {
        var plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        var code = plain.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_|_$", "");
        return code.length() <= 100 ? code : code.substring(0, 100);
    }
}
