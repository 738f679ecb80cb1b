package be.uliege.library.registration.preregistration;

import be.uliege.library.registration.security.Roles;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patron's own pre-registration as it was made (R-PRE-1…3, R-RET-2): when, for what use, which
 * privacy notice they accepted and when, where it stands — for the person's right of access.
 */
@Service
public class PreRegistrationRecords {

    private final JdbcTemplate jdbc;

    PreRegistrationRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The pre-registration; the consent is the privacy notice's version and the moment it was accepted. */
    public record Made(
            String identifier,
            String status,
            String use,
            String privacyNoticeVersion,
            Instant privacyAcceptedAt,
            Instant createdAt,
            @Nullable Instant confirmedAt,
            boolean possibleDuplicate,
            boolean foreignAddress,
            @Nullable String suspiciousData) {}

    @PreAuthorize("hasRole('" + Roles.DESK_MANAGER + "')")
    @Transactional(readOnly = true)
    public Optional<Made> ofPatron(long patronId) {
        return jdbc
                .query(
                        "select patron_identifier, status, use_kind, privacy_notice_version, privacy_accepted_at,"
                                + " created_at, confirmed_at, possible_duplicate, foreign_address, suspicious_data"
                                + " from pre_registration where patron_id = ?",
                        (rs, n) -> new Made(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getTimestamp(5).toInstant(),
                                rs.getTimestamp(6).toInstant(),
                                rs.getTimestamp(7) == null
                                        ? null
                                        : rs.getTimestamp(7).toInstant(),
                                rs.getBoolean(8),
                                rs.getBoolean(9),
                                rs.getString(10)),
                        patronId)
                .stream()
                .findFirst();
    }
}
