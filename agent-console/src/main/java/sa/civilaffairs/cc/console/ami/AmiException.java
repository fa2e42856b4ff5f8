package sa.civilaffairs.cc.console.ami;

/** Root of the AMI side's failures (bad settings, a link that cannot be used). Unchecked. */
public class AmiException extends RuntimeException {
    public AmiException(String message) {
        super(message);
    }

    public AmiException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A setting in config/console.yaml (section {@code ami}) or its environment override is wrong. */
    public static final class BadSettings extends AmiException {
        public BadSettings(String message) {
            super(message);
        }
    }
}
