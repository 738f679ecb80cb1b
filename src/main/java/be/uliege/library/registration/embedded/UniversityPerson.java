package be.uliege.library.registration.embedded;

import be.uliege.library.registration.patron.PatronKind;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One row of the university's nightly file (R-SIS-1) as {@link UniversityFileGenerator} writes it:
 * a member of staff (U), a student (S) or a member of the hospital's staff (C).
 *
 * @param firstName absent for people with one name part only
 * @param gender {@code MALE}, {@code FEMALE} or absent
 * @param language Alma's code: {@code fr}, {@code en}, {@code nl} or {@code de}
 * @param universityKey the P identifier ({@code P} and seven digits), the load's match point (R-ID-5)
 * @param email the university address, preferred
 */
public record UniversityPerson(
        Group group,
        String primaryId,
        @Nullable String firstName,
        @Nullable String middleName,
        String lastName,
        @Nullable String gender,
        LocalDate birthDate,
        String language,
        String universityKey,
        @Nullable String barcode,
        @Nullable String jobDescription,
        String email,
        @Nullable String personalEmail,
        @Nullable String phone,
        @Nullable Address address) {

    /** The university groups, with the labels of {@code registration.patron.user-groups}. */
    public enum Group {
        U(PatronKind.U, "Personnel ULiège", "uliege.be", "work"),
        S(PatronKind.S, "Étudiant ULiège", "student.uliege.be", "school"),
        C(PatronKind.C, "Personnel CHU", "chuliege.be", "work");

        final PatronKind kind;
        /** The user group's and the job category's label. */
        final String label;

        final String emailDomain;
        final String emailType;

        Group(PatronKind kind, String label, String emailDomain, String emailType) {
            this.kind = kind;
            this.label = label;
            this.emailDomain = emailDomain;
            this.emailType = emailType;
        }
    }

    /**
     * A postal address; {@code country} is the ISO 3166 alpha-3 code Alma's country table uses
     * ({@code BEL}, {@code FRA}, {@code NLD}, {@code DEU}, {@code LUX}).
     */
    public record Address(String line1, @Nullable String line2, String postalCode, String city, String country) {}

    /** The name as Alma's {@code full_name} shows it. */
    String fullName() {
        var name = new StringBuilder();
        for (var part : new @Nullable String[] {firstName, middleName}) {
            if (part != null) {
                name.append(part).append(' ');
            }
        }
        return name.append(lastName).toString();
    }

    UniversityPerson withLastName(String last) {
        return new UniversityPerson(
                group,
                primaryId,
                firstName,
                middleName,
                last,
                gender,
                birthDate,
                language,
                universityKey,
                barcode,
                jobDescription,
                email,
                personalEmail,
                phone,
                address);
    }

    UniversityPerson withJobDescription(String description) {
        return new UniversityPerson(
                group,
                primaryId,
                firstName,
                middleName,
                lastName,
                gender,
                birthDate,
                language,
                universityKey,
                barcode,
                description,
                email,
                personalEmail,
                phone,
                address);
    }

    UniversityPerson withPhone(String number) {
        return new UniversityPerson(
                group,
                primaryId,
                firstName,
                middleName,
                lastName,
                gender,
                birthDate,
                language,
                universityKey,
                barcode,
                jobDescription,
                email,
                personalEmail,
                number,
                address);
    }

    UniversityPerson withAddress(Address moved) {
        return new UniversityPerson(
                group,
                primaryId,
                firstName,
                middleName,
                lastName,
                gender,
                birthDate,
                language,
                universityKey,
                barcode,
                jobDescription,
                email,
                personalEmail,
                phone,
                moved);
    }
}
