package sa.civilaffairs.cc.ivr.hotline;

import java.util.function.Consumer;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sa.civilaffairs.cc.ivr.IvrConfig;
import sa.civilaffairs.cc.ivr.agi.Voice;
import sa.civilaffairs.cc.ivr.prompt.Prompt;

/**
 * The script behind {@code agi://host/hotline}: a stateless, thread-safe singleton that runs one {@link HotlineCall}
 * per AGI request on the server's call thread. A hang-up ({@link AgiHangupException}: {@code HANGUP}, {@code 511},
 * {@code -1}, a closed socket) is a normal end of a call: the held slot, if any, is released, and the call leaves one
 * log line with its unique id and the step where it ended (the national ID masked).
 */
public final class HotlineScript implements AgiScript {

    /** The script name in the dialplan's AGI URL. */
    public static final String NAME = "hotline";

    private static final Logger LOG = LoggerFactory.getLogger(HotlineScript.class);

    private final HotlineServices services;
    private final IvrConfig config;
    private final Consumer<Prompt> spoken;

    /** @param spoken told of every prompt played (tests record the ids); use {@code p -> { }} otherwise */
    public HotlineScript(HotlineServices services, IvrConfig config, Consumer<Prompt> spoken) {
        this.services = services;
        this.config = config;
        this.spoken = spoken;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) {
        Voice voice = new Voice(channel, config.voice().soundsPrefix(), config.voice().menuTimeout().toMillis(),
                config.voice().entryTimeout().toMillis(), spoken);
        HotlineCall call = new HotlineCall(services, config, channel, voice, request.getUniqueId(),
                request.getCallerIdNumber());
        try {
            call.run();
        } catch (AgiHangupException e) {
            call.endedBy("caller hung up");
        } catch (AgiException e) {
            call.endedBy("connection lost: " + e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            call.endedBy("failed, sent to an agent: " + e.getClass().getSimpleName());
            LOG.error("call {} failed at {}", request.getUniqueId(), call.step(), e);
            call.toAgentAfterFailure();
        } finally {
            try {
                call.releaseHold();
            } catch (RuntimeException e) {
                LOG.warn("call {}: the held slot could not be released now, it lapses by itself ({})",
                        request.getUniqueId(), e.toString());
            }
            LOG.info(call.summary());
        }
    }
}
