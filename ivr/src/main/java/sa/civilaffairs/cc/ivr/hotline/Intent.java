package sa.civilaffairs.cc.ivr.hotline;

import java.util.Locale;

/** What the caller came for; {@code CC_INTENT} on the channel for the agent's screen. */
public enum Intent {
    BOOK, VISIT, APPOINTMENTS, LOST, STATUS, AGENT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
