package be.uliege.library.registration.base.api;

import java.io.IOException;

/** A request body went past {@link ApiSettings#maxBodySize()} while it was being read. */
class BodyTooLargeException extends IOException {

    BodyTooLargeException(long limit) {
        super("Request body larger than " + limit + " bytes");
    }
}
