package sa.civilaffairs.cc.ivr;

/** The root of the IVR module's own failures (bad configuration, a server that cannot start). */
public class IvrException extends RuntimeException {
    public IvrException(String message) {
        super(message);
    }

    public IvrException(String message, Throwable cause) {
        super(message, cause);
    }
}
