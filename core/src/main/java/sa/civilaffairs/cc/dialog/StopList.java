package sa.civilaffairs.cc.dialog;

import sa.civilaffairs.cc.identity.Mobile;

/** Numbers that sent STOP: reminders and other BULK sends skip them; replies still go. Thread-safe. */
public interface StopList {
    void add(Mobile number);

    void remove(Mobile number);

    boolean contains(Mobile number);
}
