package sa.civilaffairs.cc.events;

/** The append-only stream of domain events. Thread-safe. */
public interface EventLog {
    void append(DomainEvent event);
}
