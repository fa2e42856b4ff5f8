package sa.civilaffairs.cc.cases.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import sa.civilaffairs.cc.cases.CaseStatus;
import sa.civilaffairs.cc.cases.CaseStep;

/** A history step as one JSON string in the history list: {@code {"s":"CONTACTED","at":1790000000000,"by":"a1","note":""}}. */
final class StepJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StepJson() {
    }

    static String write(CaseStep<?> step) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", step.status().name());
        m.put("at", step.at().toEpochMilli());
        m.put("by", step.by());
        m.put("note", step.note());
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("history step not serialisable", e);
        }
    }

    static <S extends Enum<S> & CaseStatus<S>> CaseStep<S> read(String json, Class<S> statusType) {
        try {
            Map<?, ?> m = JSON.readValue(json, Map.class);
            return new CaseStep<>(Enum.valueOf(statusType, (String) m.get("s")),
                    Instant.ofEpochMilli(((Number) m.get("at")).longValue()), (String) m.get("by"),
                    (String) m.get("note"));
        } catch (JsonProcessingException | ClassCastException | NullPointerException e) {
            throw new IllegalStateException("history step unreadable (expected: JSON written by StepJson)", e);
        }
    }
}
