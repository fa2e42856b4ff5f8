package sa.civilaffairs.cc;

/** Root of the exceptions thrown by the core domain. */
public class DomainException extends RuntimeException {
    public DomainException(String message) {
        super(message);
    }

    public DomainException(String message, Throwable cause) {
        super(message, cause);
    }
}
