package be.uliege.library.registration.preregistration.api;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The JSON a library's site sends, as the OpenAPI description shows it. The controller reads the
 * body field by field (so that a wrong type is a field error, not a failed request), with these
 * names.
 */
@Schema(name = "PreRegistration", description = "A public pre-registration (R-PRE-1)")
record PreRegistrationRequest(
        @Schema(example = "Élodie") String firstName,
        @Schema(example = "Dupré") String lastName,
        @Schema(example = "1990-04-12", format = "date") String birthDate,

        @Schema(
                allowableValues = {"F", "M", "X"},
                description = "X: other or not said (neutral salutation)")
        String gender,

        @Schema(
                allowableValues = {"fre", "eng"},
                description = "language of the library's letters")
        String preferredLanguage,

        @Schema(example = "elodie.dupre@example.be", description = "personal address; university domains are refused")
        String email,

        @Schema(example = "0475 12 34 56", description = "typed freely; stored as international digits, 32475123456")
        String phone,

        Address address,

        @Schema(example = "AUTRE HE / UNIV", description = "see GET /api/v1/reference/job-categories")
        String jobCategory,

        @Schema(example = "Haute École Charlemagne") @Nullable
        String jobDescription,

        @Schema(allowableValues = {"PRIVATE", "PROFESSIONAL"})
        String use,

        @Schema(example = "2026-1") String privacyNoticeVersion,
        boolean privacyNoticeAccepted,

        @Schema(description = "from GET /api/v1/pre-registrations/challenge (unless switched off)") @Nullable
        String challenge,

        @Schema(description = "SHA-256(challenge + \":\" + nonce) starts with `difficulty` zero bits") @Nullable
        String nonce,

        @Schema(description = "must stay empty (the form hides it from people)") @Nullable
        String website) {

    record Address(
            @Schema(example = "Rue de la Cathédrale 12 bte 3")
            String line1,

            @Schema(example = "4000") String postalCode,
            @Schema(example = "Liège") String city,

            @Schema(example = "BE", description = "ISO 3166 two letters; BE when empty") @Nullable
            String country) {}
}
