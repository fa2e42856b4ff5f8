package sa.civilaffairs.cc.events;

/** The append-only stream of domain events. Thread-safe. */
public interface EventLog {
    void append(DomainEvent event);

    /** Appends several events in order; a store may do it in one round trip. */
    default void appendAll(java.util.List<DomainEvent> events) {
        events.forEach(this::append);
    }
}
