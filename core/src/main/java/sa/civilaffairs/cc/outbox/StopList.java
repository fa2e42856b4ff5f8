package sa.civilaffairs.cc.outbox;

import sa.civilaffairs.cc.identity.Mobile;

/**
 * Numbers that sent STOP. BULK messages (reminders and other bulk sends) are not sent to them; REPLY and NOTIFICATION
 * still are (a citizen who asks something gets the answer). Written by the dialog engine when a citizen sends STOP or
 * START. Thread-safe.
 */
public interface StopList {
    void add(Mobile number);

    void remove(Mobile number);

    boolean contains(Mobile number);
}
