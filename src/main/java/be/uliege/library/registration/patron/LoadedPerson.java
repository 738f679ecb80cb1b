package be.uliege.library.registration.patron;

import java.util.List;

/**
 * One person of the university's nightly file (R-SIS-1), in the patron record's own terms: the
 * primary identifier the university gave (U, S or C), the university key (R-ID-5) and the external
 * fields as a draft, its expiration date computed by the load's rules (R-REC-4). The load module
 * reads the file and maps it; the patron module applies it.
 *
 * @param element where the row is in its file, for the report (1-based)
 */
public record LoadedPerson(long element, String primaryIdentifier, String universityKey, PatronDraft draft) {

    /** The values that make the row what it is, in a fixed order: what the unchanged-row hash reads. */
    List<Object> values() {
        return List.of(
                primaryIdentifier,
                universityKey,
                String.valueOf(draft.firstName()),
                String.valueOf(draft.lastName()),
                String.valueOf(draft.gender()),
                String.valueOf(draft.birthDate()),
                String.valueOf(draft.preferredLanguage()),
                String.valueOf(draft.userGroup()),
                String.valueOf(draft.jobCategory()),
                String.valueOf(draft.jobDescription()),
                String.valueOf(draft.resourceSharingLibrary()),
                String.valueOf(draft.expirationDate()),
                draft.contacts());
    }
}
