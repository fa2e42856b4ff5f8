package sa.civilaffairs.cc.console.live;

import java.time.Instant;
import java.util.Objects;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.reference.Reference;
import sa.civilaffairs.cc.text.Language;

/**
 * Shown on one agent's screen when a queue call rings them (AgentCalled). Emitted exactly once per call and agent,
 * even if the AMI link drops and comes back. The national ID and caller number are in full because they are for the
 * agent's screen; {@code toString()} masks both, so a pop may be logged.
 *
 * @param agent        the console user name the call rings (from config/agents.yaml)
 * @param callId       the call's Linkedid: the same for every channel of the call, stable across transfers
 * @param callerNumber CallerIDNum of the caller, as Asterisk has it (may be empty)
 * @param language     CC_LANG or null
 * @param nationalId   CC_NID or null
 * @param intent       CC_INTENT or null
 * @param trail        CC_TRAIL (menu path) or null
 * @param reference    CC_REF or null
 * @param queue        the queue the call waits in
 * @param at           when the console received the AgentCalled event
 */
public record ScreenPop(String agent, String callId, String callerNumber, Language language, NationalId nationalId,
        String intent, String trail, Reference reference, String queue, Instant at) {
    public ScreenPop {
        requireText(agent, "agent");
        requireText(callId, "callId");
        requireText(queue, "queue");
        Objects.requireNonNull(at, "at");
        callerNumber = callerNumber == null ? "" : callerNumber;
    }

    static ScreenPop of(String agent, String callId, String callerNumber, CallFindings f, String queue, Instant at) {
        return new ScreenPop(agent, callId, callerNumber, f.language(), f.nationalId(), f.intent(), f.trail(),
                f.reference(), queue, at);
    }

    public CallFindings findings() {
        return new CallFindings(language, nationalId, intent, trail, reference);
    }

    @Override
    public String toString() {
        return "ScreenPop[agent=" + agent + ", callId=" + callId + ", caller=" + maskNumber(callerNumber)
                + ", language=" + language + ", nationalId=" + nationalId + ", intent=" + intent + ", trail=" + trail
                + ", reference=" + reference + ", queue=" + queue + ", at=" + at + "]";
    }

    /** All but the last four digits hidden; short numbers entirely. */
    public static String maskNumber(String number) {
        if (number == null || number.isEmpty()) {
            return "";
        }
        int keep = number.length() > 6 ? 4 : 0;
        return "*".repeat(number.length() - keep) + number.substring(number.length() - keep);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: non-blank)");
        }
    }
}
