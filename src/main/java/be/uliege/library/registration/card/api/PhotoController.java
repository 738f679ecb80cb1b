package be.uliege.library.registration.card.api;

import be.uliege.library.registration.card.PublishedPhotos;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * R-CARD-6: {@code GET /photos/<identifier>.<suffix>} (and {@code HEAD}) serves a patron's card
 * photo as {@code image/jpeg} to allowed clients ({@link AllowedClients}). Everyone else, and
 * every request that does not name a published photo — unknown identifier, no photo, another
 * suffix, a malformed path, another method — gets the same empty {@code 404} with the same
 * headers: the answer never tells whether a patron or a photo exists.
 *
 * <p>Photos are personal data and are replaced (a new photo) or deleted (retention): they are sent
 * with {@code Cache-Control: no-store}, so that no browser or proxy keeps a copy, at the cost of a
 * few tens of kilobytes fetched again.
 */
@RestController
class PhotoController {

    private static final Logger log = LoggerFactory.getLogger(PhotoController.class);

    private final PublishedPhotos photos;
    private final AllowedClients clients;

    PhotoController(PublishedPhotos photos, AllowedClients clients) {
        this.photos = photos;
        this.clients = clients;
    }

    @GetMapping("/photos/{identifier}.{suffix}")
    ResponseEntity<byte[]> photo(
            @PathVariable String identifier, @PathVariable String suffix, HttpServletRequest request) {
        var client = loggable(request.getRemoteAddr());
        var named = PublishedPhotos.normalise(identifier).orElse("a malformed identifier");
        var admission = clients.admit(request.getRemoteAddr(), request.getHeader(HttpHeaders.AUTHORIZATION));
        if (admission == AllowedClients.Admission.REFUSED) {
            log.debug(
                    "Photo of {} refused to {}: client not allowed",
                    named,
                    client); // not INFO: anyone could fill the log
            return notFound();
        }
        var photo = photos.find(identifier, suffix);
        if (photo.isEmpty()) {
            log.debug("Photo of {} for {}: none published under that name", named, client);
            return notFound();
        }
        var jpeg = photo.get();
        log.info(
                "Photo of {} served to {} (by {})",
                named,
                client,
                admission == AllowedClients.Admission.NETWORK ? "network" : "token");
        return ResponseEntity.ok()
                .headers(common())
                .contentType(MediaType.IMAGE_JPEG)
                .contentLength(jpeg.length)
                .body(jpeg);
    }

    /** Anything else under {@code /photos}: the same answer as an unknown identifier. */
    @RequestMapping("/photos/**")
    ResponseEntity<byte[]> elsewhere(HttpServletRequest request) {
        log.debug("Photo request that names no photo, from {}", loggable(request.getRemoteAddr()));
        return notFound();
    }

    private static ResponseEntity<byte[]> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).headers(common()).build();
    }

    private static HttpHeaders common() {
        var headers = new HttpHeaders();
        headers.setCacheControl(CacheControl.noStore());
        headers.set("X-Content-Type-Options", "nosniff");
        return headers;
    }

    private static String loggable(String value) {
        return value.replaceAll("[^0-9A-Za-z:.]", "?");
    }
}
