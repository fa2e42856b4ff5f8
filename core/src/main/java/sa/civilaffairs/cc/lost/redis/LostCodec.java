package sa.civilaffairs.cc.lost.redis;

import java.time.Instant;
import java.util.LinkedHashMap;
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
import sa.civilaffairs.cc.lost.LostDocument;
import sa.civilaffairs.cc.lost.LostReport;
import sa.civilaffairs.cc.lost.LostStatus;
import sa.civilaffairs.cc.reference.Reference;
import sa.civilaffairs.cc.text.Language;

/** A lost report as a Redis hash; filed under its person and contact, in no work queue (nobody works them). */
final class LostCodec implements CaseCodec<LostReport, LostStatus> {

    @Override
    public Class<LostStatus> statusType() {
        return LostStatus.class;
    }

    @Override
    public Reference reference(LostReport r) {
        return r.reference();
    }

    @Override
    public List<CaseStep<LostStatus>> history(LostReport r) {
        return r.history();
    }

    @Override
    public Map<String, String> fields(LostReport r) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("ref", r.reference().value());
        f.put("person", r.person().value());
        f.put("document", r.document().name());
        f.put("where", r.where());
        f.put("when", r.when());
        f.put("contact", r.contact().map(Mobile::e164).orElse(""));
        f.put("status", r.status().name());
        f.put("replacement", r.replacementAppointment().map(Reference::value).orElse(""));
        f.put("channel", r.channel().name());
        f.put("lang", r.language().code());
        f.put("createdAt", Long.toString(r.createdAt().toEpochMilli()));
        return f;
    }

    @Override
    public LostReport decode(Map<String, String> f, List<CaseStep<LostStatus>> history) {
        String contact = f.getOrDefault("contact", "");
        String replacement = f.getOrDefault("replacement", "");
        return new LostReport(new Reference(f.get("ref")), new NationalId(f.get("person")),
                LostDocument.valueOf(f.get("document")), f.get("where"), f.get("when"),
                contact.isEmpty() ? Optional.empty() : Optional.of(new Mobile(contact)),
                LostStatus.valueOf(f.get("status")),
                replacement.isEmpty() ? Optional.empty() : Optional.of(new Reference(replacement)), history,
                Channel.valueOf(f.get("channel")), Language.fromCode(f.get("lang")),
                Instant.ofEpochMilli(Long.parseLong(f.get("createdAt"))));
    }

    @Override
    public CaseIndex index(LostReport r) {
        return new CaseIndex(Set.of(r.person()), r.contact(), Optional.empty(), r.status().name(), r.createdAt());
    }
}
