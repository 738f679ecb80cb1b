package be.uliege.library.registration.patron;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One person of the university's nightly file (R-SIS-1), in the patron record's own terms: the
 * primary identifier the university gave (U, S or C), the university key (R-ID-5) and the external
 * fields as a draft, its expiration date computed by the load's rules (R-REC-4). The load module
 * reads the file and maps it; the patron module applies it.
 *
 * @param element where the row is in its file, for the report (1-based)
 * @param rowKey  the fingerprint of the row as the file wrote it and of the day's rules that read
 *                it (R-SIS-5): kept on the record, it lets the next night know the same row
 *                without reading it into a record ({@link UniversityPeople#recognise}); null when
 *                the row did not come from a file
 */
public record LoadedPerson(
        long element,
        String primaryIdentifier,
        String universityKey,
        PatronDraft draft,
        @Nullable String rowKey) {

    /** A row without a fingerprint (the online import, tests). */
    public LoadedPerson(long element, String primaryIdentifier, String universityKey, PatronDraft draft) {
        this(element, primaryIdentifier, universityKey, draft, null);
    }

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
