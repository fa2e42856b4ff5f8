package sa.civilaffairs.cc.cases.redis;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;

/**
 * Where a case is filed: under each person it concerns, under its contact mobile, and in the work queue of
 * {@code partition} (a region; empty: in no queue) for its current status, all scored by {@code createdAt}.
 */
public record CaseIndex(Set<NationalId> people, Optional<Mobile> mobile, Optional<String> partition, String status,
                        Instant createdAt) {
    public CaseIndex {
        people = Set.copyOf(people);
        Objects.requireNonNull(mobile, "mobile");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
