package be.uliege.library.registration.base.api;

import org.springframework.http.HttpStatus;

/**
 * A failure a controller of the API names itself: answered as a problem with this status and the
 * message of this key (in the client's language).
 */
public class ApiProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final transient Object[] args;

    public ApiProblemException(HttpStatus status, String messageKey, Object... args) {
        super(status + " " + messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    Object[] args() {
        return args.clone();
    }
}
