package sa.civilaffairs.cc.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sa.civilaffairs.cc.testkit.RedisExtension;
import sa.civilaffairs.cc.testkit.RedisHandle;

/** The scenario table ({@code scenarios.txt}) through the engine, on real Redis and the registry double. */
@ExtendWith(RedisExtension.class)
class DialogScenariosIT {

    static List<Scenario> scenarios() {
        return Scenario.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario(Scenario scenario, RedisHandle redis) {
        redis.client().flushAll();
        try (DialogRig rig = new DialogRig(redis.client())) {
            for (int i = 0; i < scenario.messages().size(); i++) {
                String message = scenario.messages().get(i);
                List<String> got = rig.send(scenario.sender(), message).stream().map(Reply::templateId).toList();
                assertEquals(scenario.replies().get(i), got, scenario.name() + ", message " + (i + 1) + ": " + message);
            }
        }
    }
}
