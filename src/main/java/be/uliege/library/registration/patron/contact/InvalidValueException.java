package be.uliege.library.registration.patron.contact;

import be.uliege.library.registration.base.Violation;
import java.util.List;

/** Thrown by the checking factories of value types: a code and the arguments of its message. */
public class InvalidValueException extends RuntimeException {

    private final String code;
    private final List<Object> args;

    public InvalidValueException(String code, Object... args) {
        super(code);
        this.code = code;
        this.args = List.of(args);
    }

    public String code() {
        return code;
    }

    public List<Object> args() {
        return args;
    }

    public Violation at(String field) {
        return new Violation(field, code, args);
    }
}
