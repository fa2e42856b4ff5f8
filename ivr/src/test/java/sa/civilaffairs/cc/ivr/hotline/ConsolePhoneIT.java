package sa.civilaffairs.cc.ivr.hotline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sa.civilaffairs.cc.ivr.agidouble.CallRecord;
import sa.civilaffairs.cc.ivr.phone.ConsolePhone;
import sa.civilaffairs.cc.testkit.RedisExtension;
import sa.civilaffairs.cc.testkit.RedisHandle;
import sa.civilaffairs.cc.testkit.RegistryDouble;

/** The terminal phone of dev mode shows the prompts' text and sends the typed keys. */
@ExtendWith(RedisExtension.class)
class ConsolePhoneIT {

    @Test
    void walksTheMenusFromTheTerminal(RedisHandle redis) throws Exception {
        try (RegistryDouble registry = RegistryDouble.start();
             HotlineRig rig = new HotlineRig(redis.client(), registry.settings(), HotlineBookingIT.CLOCK)) {
            ByteArrayOutputStream shown = new ByteArrayOutputStream();
            ConsolePhone phone = new ConsolePhone(HotlineRig.PROMPTS,
                    new BufferedReader(new StringReader("2\nxyz\n5\n\nh\n")),
                    new PrintStream(shown, true, StandardCharsets.UTF_8));
            CallRecord call = phone.call(new InetSocketAddress("127.0.0.1", rig.server.port()), "0500000101");
            String text = shown.toString(StandardCharsets.UTF_8);
            assertTrue(text.contains("IVR: مرحبا بكم في الأحوال المدنية."), text);
            assertTrue(text.contains("IVR: Enter the nine-digit request number"), text);
            assertTrue(text.contains("IVR: We did not receive your choice."), text);
            assertTrue(text.contains("(keys are 0-9, * and #)"), text);
            assertEquals(CallRecord.End.CALLER_HUNG_UP, call.end());
        }
    }
}
