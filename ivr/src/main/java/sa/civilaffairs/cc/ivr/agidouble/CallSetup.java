package sa.civilaffairs.cc.ivr.agidouble;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How Asterisk introduces a call to the FastAGI server: the values of the {@code agi_*} environment block.
 * {@code localAddress} is the address the double connects from (e.g. 127.0.0.2 to play a host that is not allowed).
 */
public record CallSetup(String script, String uniqueId, String callerId, String channel, String language,
                        Optional<String> localAddress) {

    public CallSetup {
        if (script == null || uniqueId == null || callerId == null || channel == null || language == null) {
            throw new IllegalArgumentException("call setup: script, uniqueId, callerId, channel and language are required");
        }
        localAddress = localAddress == null ? Optional.empty() : localAddress;
    }

    /** A hotline call from {@code callerId}, numbered {@code n}, as the captured Local channel presents it. */
    public static CallSetup hotline(String callerId, long n) {
        return new CallSetup("hotline", "1795390439." + n, callerId,
                String.format("Local/920022133@ivr-%08x;2", n), "en", Optional.empty());
    }

    public CallSetup from(String address) {
        return new CallSetup(script, uniqueId, callerId, channel, language, Optional.of(address));
    }

    public CallSetup script(String name) {
        return new CallSetup(name, uniqueId, callerId, channel, language, localAddress);
    }

    /** The environment block in the order and spelling of Asterisk 22 (fixtures/asterisk-22/agi-call-dtmf.log). */
    public Map<String, String> environment(String host, int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("agi_network", "yes");
        env.put("agi_network_script", script);
        env.put("agi_request", "agi://" + host + ":" + port + "/" + script);
        env.put("agi_channel", channel);
        env.put("agi_language", language);
        env.put("agi_type", "Local");
        env.put("agi_uniqueid", uniqueId);
        env.put("agi_version", "22.10.1");
        env.put("agi_callerid", callerId);
        env.put("agi_calleridname", "IVR Test");
        env.put("agi_callingpres", "0");
        env.put("agi_callingani2", "0");
        env.put("agi_callington", "0");
        env.put("agi_callingtns", "0");
        env.put("agi_dnid", "unknown");
        env.put("agi_rdnis", "unknown");
        env.put("agi_context", "ivr");
        env.put("agi_extension", "920022133");
        env.put("agi_priority", "3");
        env.put("agi_enhanced", "0.0");
        env.put("agi_accountcode", "");
        env.put("agi_threadid", "140184112330432");
        return env;
    }
}
