package sa.civilaffairs.cc.console;

/** Root of the exceptions the agent console throws. */
public class ConsoleException extends RuntimeException {
    public ConsoleException(String message) {
        super(message);
    }

    public ConsoleException(String message, Throwable cause) {
        super(message, cause);
    }
}
