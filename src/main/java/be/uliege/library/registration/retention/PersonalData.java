package be.uliege.library.registration.retention;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything the system holds on one person (R-RET-2, GDPR article 15), in sections of items, each
 * item its fields in a fixed order: one structure from which both the JSON file and the readable
 * PDF are written, so that neither can say less than the other.
 *
 * @param photo the photo as stored (JPEG), when there is one
 */
public record PersonalData(
        String identifier, Instant producedAt, String producedBy, List<Section> sections, byte @Nullable [] photo) {

    public PersonalData {
        sections = List.copyOf(sections);
    }

    /** A part of the record: its name (a key of the bundles under {@code access.section.}) and its items. */
    public record Section(String name, List<Map<String, String>> items) {

        public Section {
            items = items.stream()
                    .map(i -> (Map<String, String>) new LinkedHashMap<>(i))
                    .toList();
        }
    }
}
