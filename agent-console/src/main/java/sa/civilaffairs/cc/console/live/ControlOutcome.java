package sa.civilaffairs.cc.console.live;

/** Asterisk's answer to an agent-state action: {@code done} or not, with Asterisk's or the console's message. */
public record ControlOutcome(boolean done, String message) {
    public ControlOutcome {
        message = message == null ? "" : message;
    }

    public static ControlOutcome done(String message) {
        return new ControlOutcome(true, message);
    }

    public static ControlOutcome refused(String message) {
        return new ControlOutcome(false, message);
    }
}
