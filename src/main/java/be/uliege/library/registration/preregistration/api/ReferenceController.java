package be.uliege.library.registration.preregistration.api;

import be.uliege.library.registration.base.Languages;
import be.uliege.library.registration.base.api.ApiProblemException;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronSettings;
import be.uliege.library.registration.patron.contact.BelgianPostalCodes;
import be.uliege.library.registration.preregistration.PreRegistrationSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** The reference data a pre-registration form needs (R-CON-4, R-GRP-2, R-GRP-3). */
@RestController
@RequestMapping("/api/v1")
class ReferenceController {

    private final BelgianPostalCodes postalCodes;
    private final PatronSettings settings;
    private final PreRegistrationSettings preRegistration;
    private final MessageSource messages;

    ReferenceController(
            BelgianPostalCodes postalCodes,
            PatronSettings settings,
            PreRegistrationSettings preRegistration,
            MessageSource messages) {
        this.postalCodes = postalCodes;
        this.settings = settings;
        this.preRegistration = preRegistration;
        this.messages = messages;
    }

    /**
     * The privacy notice a submission accepts (R-PRE-1): its version — the value of
     * {@code privacyNoticeVersion} a submission must carry — and its text in the four languages.
     * Cacheable; the version is its entity tag.
     */
    @GetMapping("/reference/privacy-notice")
    ResponseEntity<Map<String, Object>> privacyNotice(WebRequest request) {
        var version = preRegistration.privacyNoticeVersion();
        var etag = "\"" + version.replaceAll("[^A-Za-z0-9._-]", "_") + "\"";
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        var texts = new LinkedHashMap<String, String>();
        for (var language : Languages.SCREEN_LANGUAGES) {
            texts.put(
                    language.getLanguage(),
                    messages.getMessage("public.form.privacy.text", new Object[] {version}, language));
        }
        return ResponseEntity.ok()
                .eTag(etag)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic())
                .body(Map.of("version", version, "texts", texts));
    }

    /** The localities of a Belgian postal code, or a 404 problem (also for special codes, which are not homes). */
    @GetMapping("/postal-codes/{code}")
    Map<String, Object> postalCode(@PathVariable String code) {
        var found = code.matches("\\d{4}")
                ? postalCodes.find(code).filter(c -> !c.special())
                : Optional.<BelgianPostalCodes.PostalCode>empty();
        return found.map(c -> Map.<String, Object>of("code", c.code(), "localities", c.localities()))
                .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "api.postal-code.unknown"));
    }

    /** The job categories of an external patron and which need a description. */
    @GetMapping("/reference/job-categories")
    List<Map<String, Object>> jobCategories() {
        return settings.jobCategories().stream()
                .filter(c -> c.kinds().contains(PatronKind.B))
                .map(c -> Map.<String, Object>of(
                        "name",
                        c.name(),
                        "descriptionRequired",
                        c.detailRequired() || c.alumni(),
                        "descriptionFormat",
                        c.alumni() ? "Alumni <year>" : c.detailRequired() ? "school, company or profession" : ""))
                .toList();
    }
}
