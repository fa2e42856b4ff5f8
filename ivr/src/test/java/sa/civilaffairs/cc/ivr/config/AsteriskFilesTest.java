package sa.civilaffairs.cc.ivr.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sa.civilaffairs.cc.config.ConfigDirectory;
import sa.civilaffairs.cc.ivr.IvrConfig;
import sa.civilaffairs.cc.ivr.hotline.HotlineScript;

/** config/asterisk/ agrees with the IVR: script name, queues, the variables the console reads. */
class AsteriskFilesTest {

    private static final Path DIR = ConfigDirectory.locate().resolve("asterisk");

    @Test
    void theDialplanCallsTheHotlineScriptAndFollowsEveryNextStep() throws Exception {
        String dialplan = Files.readString(DIR.resolve("extensions.conf"));
        assertTrue(dialplan.contains("IVR_AGI=agi://127.0.0.1:4573/" + HotlineScript.NAME));
        assertTrue(dialplan.contains("exten => 920022133,1,"));
        for (String next : new String[] {"queue-ar", "queue-en"}) {
            assertTrue(dialplan.contains("\"${CC_NEXT}\" = \"" + next + "\""), next);
        }
        assertTrue(dialplan.contains("Queue(${CC_QUEUE}"));
        assertTrue(dialplan.contains("\"${CC_NEXT}\" = \"\"]?fallback"), "an IVR that said nothing still reaches agents");
    }

    @Test
    void theQueuesAreTheOnesTheIvrNames() throws Exception {
        String queues = Files.readString(DIR.resolve("queues.conf"));
        IvrConfig.Agents agents = IvrConfig.load(ConfigDirectory.locate().resolve(IvrConfig.FILE), Map.of()).agents();
        assertTrue(queues.contains("[" + agents.queueAr() + "]"));
        assertTrue(queues.contains("[" + agents.queueEn() + "]"));
    }

    @Test
    void managerCarriesTheFindingsOnEveryEvent() throws Exception {
        String manager = Files.readString(DIR.resolve("manager.conf"));
        assertTrue(manager.lines().anyMatch("channelvars = CC_LANG,CC_NID,CC_INTENT,CC_TRAIL,CC_REF"::equals));
        assertTrue(manager.contains("[console]"));
        assertEquals(1, manager.lines().filter(l -> l.startsWith("secret")).count());
    }
}
