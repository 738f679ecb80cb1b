package be.uliege.library.registration.patron;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The lists and formats behind the patron rules, shipped with ULiège's values
 * ({@code application.yml}) so that another library can run the same system with its own.
 *
 * @param identifierFormats        regular expression of the primary identifier per kind (R-ID-1, R-ID-2)
 * @param identifierRanges         the number ranges of the identifier sequences (R-ID-3)
 * @param userGroups               the user groups and the kinds that may have them (R-GRP-1)
 * @param jobCategories            the job categories (R-GRP-2, R-GRP-3)
 * @param universityDomains        the university's mail domains; their sub-domains count too (R-CON-1)
 * @param sites                    the desk sites and the e-mail address of their main printer (R-CON-3)
 * @param resourceSharingLibraries the resource sharing libraries, the first being the default
 * @param externalOwningSystem     the owning system of B and BX records (R-REC-5)
 * @param phoneRegion              the region of phone numbers typed without a country code
 * @param purgeAfterYears          years between expiration and purge (R-REC-3)
 */
@ConfigurationProperties("registration.patron")
public record PatronSettings(
        Map<PatronKind, String> identifierFormats,
        IdentifierRanges identifierRanges,
        List<UserGroup> userGroups,
        List<JobCategory> jobCategories,
        List<String> universityDomains,
        List<Site> sites,
        List<String> resourceSharingLibraries,
        String externalOwningSystem,
        @DefaultValue("BE") String phoneRegion,
        @DefaultValue("4") int purgeAfterYears) {

    /** A user group and the patron kinds allowed in it. */
    public record UserGroup(
            String name,
            List<PatronKind> kinds,
            @DefaultValue("false") boolean university) {}

    /**
     * A job category. Categories written in capitals need a description naming the school,
     * company or profession ({@code detailRequired}); the alumni category needs "Alumni &lt;year&gt;".
     */
    public record JobCategory(
            String name,
            List<PatronKind> kinds,
            @DefaultValue("false") boolean detailRequired,
            @DefaultValue("false") boolean alumni) {}

    /** A desk site and its main printer's address, used for patrons without e-mail (R-CON-3). */
    public record Site(String code, String name, String printerEmail) {}

    /**
     * The number ranges of the sequences (R-ID-3): the desk's B numbers, the public
     * pre-registrations' B95 numbers; BX numbers are taken from the desk's B range.
     */
    public record IdentifierRanges(
            Range desk,
            Range preRegistration,
            @DefaultValue("0.9") double warnAt) {}

    /** An inclusive range of numbers. */
    public record Range(long from, long to) {
        public long size() {
            return to - from + 1;
        }
    }

    public Optional<UserGroup> userGroup(String name) {
        return userGroups.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    public Optional<JobCategory> jobCategory(String name) {
        return jobCategories.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public Optional<Site> siteByPrinter(String email) {
        return sites.stream()
                .filter(s -> s.printerEmail().equalsIgnoreCase(email))
                .findFirst();
    }

    public String defaultResourceSharingLibrary() {
        return resourceSharingLibraries.getFirst();
    }
}
