package sa.civilaffairs.cc.feedback.redis;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sa.civilaffairs.cc.cases.CaseStep;
import sa.civilaffairs.cc.cases.redis.CaseCodec;
import sa.civilaffairs.cc.cases.redis.CaseIndex;
import sa.civilaffairs.cc.channel.Channel;
import sa.civilaffairs.cc.feedback.Ticket;
import sa.civilaffairs.cc.feedback.TicketKind;
import sa.civilaffairs.cc.feedback.TicketStatus;
import sa.civilaffairs.cc.feedback.TicketText;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.office.Region;
import sa.civilaffairs.cc.reference.Reference;
import sa.civilaffairs.cc.text.Language;

/** A ticket as a Redis hash; filed under its person and contact when known, and the queue of its region. */
final class TicketCodec implements CaseCodec<Ticket, TicketStatus> {

    @Override
    public Class<TicketStatus> statusType() {
        return TicketStatus.class;
    }

    @Override
    public Reference reference(Ticket t) {
        return t.reference();
    }

    @Override
    public List<CaseStep<TicketStatus>> history(Ticket t) {
        return t.history();
    }

    @Override
    public Map<String, String> fields(Ticket t) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("ref", t.reference().value());
        f.put("kind", t.kind().name());
        f.put("region", t.region().name());
        f.put("text", t.text().value());
        f.put("person", t.person().map(NationalId::value).orElse(""));
        f.put("contact", t.contact().map(Mobile::e164).orElse(""));
        f.put("status", t.status().name());
        f.put("channel", t.channel().name());
        f.put("lang", t.language().code());
        f.put("createdAt", Long.toString(t.createdAt().toEpochMilli()));
        return f;
    }

    @Override
    public Ticket decode(Map<String, String> f, List<CaseStep<TicketStatus>> history) {
        String person = f.getOrDefault("person", "");
        String contact = f.getOrDefault("contact", "");
        return new Ticket(new Reference(f.get("ref")), TicketKind.valueOf(f.get("kind")),
                Region.valueOf(f.get("region")), new TicketText(f.get("text")),
                person.isEmpty() ? Optional.empty() : Optional.of(new NationalId(person)),
                contact.isEmpty() ? Optional.empty() : Optional.of(new Mobile(contact)),
                TicketStatus.valueOf(f.get("status")), history, Channel.valueOf(f.get("channel")),
                Language.fromCode(f.get("lang")), Instant.ofEpochMilli(Long.parseLong(f.get("createdAt"))));
    }

    @Override
    public CaseIndex index(Ticket t) {
        return new CaseIndex(t.person().stream().collect(java.util.stream.Collectors.toSet()), t.contact(),
                Optional.of(t.region().name()), t.status().name(), t.createdAt());
    }
}
