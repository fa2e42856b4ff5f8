package sa.civilaffairs.cc.office;

import sa.civilaffairs.cc.DomainException;

/**
 * The office catalogue or the holidays cannot be loaded. The message names the file, the line and the reason, e.g.
 * {@code offices.yaml:212: office JED-02 section WOMEN service ID_RENEWAL: slot length 0 min (expected: 5-240)};
 * line 0 means the file as a whole (missing, unreadable, or a rule about all of it).
 */
public class CatalogueException extends DomainException {

    private final String file;
    private final int line;
    private final String reason;

    public CatalogueException(String file, int line, String reason) {
        this(file, line, reason, null);
    }

    public CatalogueException(String file, int line, String reason, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason, cause);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
