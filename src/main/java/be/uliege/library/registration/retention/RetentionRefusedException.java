package be.uliege.library.registration.retention;

import java.util.List;

/**
 * What a retention step refuses, in words of the message bundles (R-RET-1, R-RET-2): a hold
 * without a reason, an erasure while a fee is open or a hold stands, a purge while another runs.
 */
public class RetentionRefusedException extends RuntimeException {

    private final String messageKey;
    private final List<Object> args;

    RetentionRefusedException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = List.of(args);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.toArray();
    }
}
