package sa.civilaffairs.cc.visit.redis;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import sa.civilaffairs.cc.cases.CaseStep;
import sa.civilaffairs.cc.cases.redis.CaseCodec;
import sa.civilaffairs.cc.cases.redis.CaseIndex;
import sa.civilaffairs.cc.channel.Channel;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.office.Region;
import sa.civilaffairs.cc.reference.Reference;
import sa.civilaffairs.cc.text.Language;
import sa.civilaffairs.cc.visit.Eligibility;
import sa.civilaffairs.cc.visit.PlaceType;
import sa.civilaffairs.cc.visit.VisitCategory;
import sa.civilaffairs.cc.visit.VisitRequest;
import sa.civilaffairs.cc.visit.VisitSchedule;
import sa.civilaffairs.cc.visit.VisitStatus;

/** A visit request as a Redis hash; filed under beneficiary, requester, contact, and the queue of its region. */
final class VisitCodec implements CaseCodec<VisitRequest, VisitStatus> {

    @Override
    public Class<VisitStatus> statusType() {
        return VisitStatus.class;
    }

    @Override
    public Reference reference(VisitRequest v) {
        return v.reference();
    }

    @Override
    public List<CaseStep<VisitStatus>> history(VisitRequest v) {
        return v.history();
    }

    @Override
    public Map<String, String> fields(VisitRequest v) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("ref", v.reference().value());
        f.put("beneficiary", v.beneficiary().value());
        f.put("requester", v.requester().map(NationalId::value).orElse(""));
        f.put("contact", v.contact().e164());
        f.put("category", v.category().name());
        f.put("place", v.placeType().name());
        f.put("region", v.region().name());
        f.put("city", v.city());
        f.put("address", v.address());
        f.put("eligibility", v.eligibility().name());
        f.put("status", v.status().name());
        f.put("schedule.date", v.schedule().map(s -> s.date().toString()).orElse(""));
        f.put("schedule.from", v.schedule().map(s -> s.from().toString()).orElse(""));
        f.put("schedule.to", v.schedule().map(s -> s.to().toString()).orElse(""));
        f.put("schedule.team", v.schedule().map(VisitSchedule::team).orElse(""));
        f.put("channel", v.channel().name());
        f.put("lang", v.language().code());
        f.put("createdAt", Long.toString(v.createdAt().toEpochMilli()));
        return f;
    }

    @Override
    public VisitRequest decode(Map<String, String> f, List<CaseStep<VisitStatus>> history) {
        String requester = f.getOrDefault("requester", "");
        String date = f.getOrDefault("schedule.date", "");
        Optional<VisitSchedule> schedule = date.isEmpty() ? Optional.empty()
                : Optional.of(new VisitSchedule(LocalDate.parse(date), LocalTime.parse(f.get("schedule.from")),
                        LocalTime.parse(f.get("schedule.to")), f.get("schedule.team")));
        return new VisitRequest(new Reference(f.get("ref")), new NationalId(f.get("beneficiary")),
                requester.isEmpty() ? Optional.empty() : Optional.of(new NationalId(requester)),
                new Mobile(f.get("contact")), VisitCategory.valueOf(f.get("category")),
                PlaceType.valueOf(f.get("place")), Region.valueOf(f.get("region")), f.get("city"),
                f.get("address"), Eligibility.valueOf(f.get("eligibility")), VisitStatus.valueOf(f.get("status")),
                history, schedule, Channel.valueOf(f.get("channel")), Language.fromCode(f.get("lang")),
                Instant.ofEpochMilli(Long.parseLong(f.get("createdAt"))));
    }

    @Override
    public CaseIndex index(VisitRequest v) {
        Set<NationalId> people = new LinkedHashSet<>();
        people.add(v.beneficiary());
        v.requester().ifPresent(people::add);
        return new CaseIndex(people, Optional.of(v.contact()), Optional.of(v.region().name()), v.status().name(),
                v.createdAt());
    }
}
