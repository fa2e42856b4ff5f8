package sa.civilaffairs.cc.smpp.outbound;

import sa.civilaffairs.cc.identity.Mobile;

/**
 * Numbers that sent STOP. BULK messages are not sent to them; REPLY and NOTIFICATION still are (a citizen who asks
 * something gets the answer). Written by the dialog engine when a citizen sends STOP or START. Thread-safe.
 */
public interface StopList {
    void stop(Mobile mobile);

    void resume(Mobile mobile);

    boolean isStopped(Mobile mobile);
}
