package be.uliege.library.registration.load.file;

/**
 * The whole file is refused (R-SIS-1): not well-formed, a DTD or an entity, a wrong encoding, a zip
 * holding something else, over a limit. Thrown before anything changed: the load checks the whole
 * file before its first row is applied.
 */
public class FileRefusedException extends RuntimeException {

    private final String file;
    private final Reason reason;

    public FileRefusedException(String file, Reason reason) {
        super(file + ": " + reason.key() + " " + reason.args());
        this.file = file;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public Reason reason() {
        return reason;
    }
}
