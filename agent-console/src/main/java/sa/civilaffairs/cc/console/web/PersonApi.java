package sa.civilaffairs.cc.console.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import sa.civilaffairs.cc.console.person.HistoryItem;
import sa.civilaffairs.cc.console.person.PersonCard;
import sa.civilaffairs.cc.console.person.PersonLookup;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.text.Digits;

/**
 * {@code /api/persons/lookup} and {@code /api/persons/reveal-mobile}. POST with the number in the body, so national
 * IDs and mobiles stay out of URLs, access logs and browser history.
 */
public final class PersonApi {
    private final PersonLookup lookup;

    public PersonApi(PersonLookup lookup) {
        this.lookup = lookup;
    }

    /** {@code {query}}: a national ID / Iqama number or a Saudi mobile → {@code {by, persons: [card]}}. */
    public JsonObject lookup(ApiCall call) {
        String query = call.input("query");
        FieldErrors errors = new FieldErrors();
        if (query.isEmpty()) {
            errors.add("query", "field.required");
        } else if (query.length() > 32) {
            errors.add("query", "field.tooLong", "32");
        }
        errors.throwIfAny();
        Optional<NationalId> id = parseId(query, "query", errors);
        if (id.isPresent()) {
            return answer("nationalId", lookup.byNationalId(id.get(), call.actor()), "error.personNotFound");
        }
        Optional<Mobile> mobile = errors.has("query") ? Optional.empty() : Mobile.tryParse(query);
        if (mobile.isPresent()) {
            return answer("mobile", lookup.byMobile(mobile.get(), call.actor()), "error.mobileNotKnown");
        }
        errors.add("query", "field.query");
        errors.throwIfAny();
        throw new IllegalStateException("unreachable");
    }

    /** {@code {nationalId}} → {@code {mobile}} in full; audited. */
    public JsonObject revealMobile(ApiCall call) {
        FieldErrors errors = new FieldErrors();
        String typed = call.input("nationalId");
        if (typed.isEmpty()) {
            errors.add("nationalId", "field.required");
        }
        Optional<NationalId> id = typed.isEmpty() ? Optional.empty() : parseId(typed, "nationalId", errors);
        if (id.isEmpty()) {
            errors.add("nationalId", "field.nationalId");
        }
        errors.throwIfAny();
        PersonLookup.Reveal r = lookup.revealMobile(id.get(), call.actor());
        if (r instanceof PersonLookup.Reveal.Shown s) {
            return new JsonObject().put("mobile", s.mobile().local());
        }
        if (r instanceof PersonLookup.Reveal.NoMobile) {
            throw ApiException.of(404, "NO_MOBILE", "error.noMobile");
        }
        if (r instanceof PersonLookup.Reveal.NotFound) {
            throw ApiException.of(404, "PERSON_NOT_FOUND", "error.personNotFound");
        }
        throw ApiException.registryUnavailable();
    }

    /**
     * A national ID when {@code typed} is one; ten digits starting with 1 or 2 that fail the check digit are a typo
     * worth its own message (agents copy numbers from callers).
     */
    static Optional<NationalId> parseId(String typed, String field, FieldErrors errors) {
        if (NationalId.isValid(typed)) {
            return Optional.of(NationalId.parse(typed));
        }
        String digits = Digits.compactNumber(typed);
        if (digits != null && digits.length() == 10 && (digits.charAt(0) == '1' || digits.charAt(0) == '2')) {
            errors.add(field, "field.nationalId.checkDigit");
        }
        return Optional.empty();
    }

    private static JsonObject answer(String by, PersonLookup.Result result, String notFoundKey) {
        if (result instanceof PersonLookup.Result.Found f) {
            JsonArray persons = new JsonArray();
            f.cards().forEach(c -> persons.add(card(c)));
            return new JsonObject().put("by", by).put("persons", persons);
        }
        if (result instanceof PersonLookup.Result.NotFound) {
            throw ApiException.of(404, by.equals("mobile") ? "MOBILE_NOT_KNOWN" : "PERSON_NOT_FOUND", notFoundKey);
        }
        throw ApiException.registryUnavailable();
    }

    static JsonObject card(PersonCard c) {
        JsonArray history = new JsonArray();
        for (HistoryItem h : c.history()) {
            history.add(new JsonObject().put("kind", h.kind().name())
                    .put("reference", h.reference().map(r -> r.value()).orElse(null))
                    .put("status", h.status()).put("at", h.at().toString()).put("summary", h.summary()));
        }
        return new JsonObject().put("nationalId", c.nationalId()).put("nameAr", c.nameAr()).put("nameEn", c.nameEn())
                .put("age", c.age()).put("birthDate", c.birthDate().map(Object::toString).orElse(null))
                .put("gender", c.gender().name()).put("status", c.status().name()).put("kind", c.kind().name())
                .put("disability", c.disability()).put("mobile", c.mobile().orElse(null))
                .put("mobileMasked", c.mobileMasked()).put("taqdeerEligible", c.taqdeerEligible())
                .put("history", new JsonObject().put("connected", c.historyConnected()).put("items", history));
    }
}
