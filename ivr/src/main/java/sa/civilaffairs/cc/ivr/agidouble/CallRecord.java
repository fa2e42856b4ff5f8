package sa.civilaffairs.cc.ivr.agidouble;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What happened on one call through the {@link AsteriskDouble}: every command with Asterisk's answer, the sound files
 * played (in order), the channel variables the IVR set, the applications it executed, keys the caller pressed that no
 * command read, and how the call ended.
 *
 * @param ivrNanos for each command, the IVR's own time: from Asterisk's previous answer (or the environment block) out
 *                 to this command in
 */
public record CallRecord(String uniqueId, List<Exchange> exchanges, List<String> played, Map<String, String> variables,
                         List<String> executed, String lostKeys, End end, long[] ivrNanos) {

    public CallRecord {
        exchanges = List.copyOf(exchanges);
        played = List.copyOf(played);
        variables = Map.copyOf(variables);
        executed = List.copyOf(executed);
    }

    /** One command of the IVR and Asterisk's answer, byte for byte (lines without their newline). */
    public record Exchange(String command, List<String> answer) {
        public Exchange {
            answer = List.copyOf(answer);
        }
    }

    public enum End {
        /** The IVR finished and closed the connection. */
        IVR_CLOSED,
        /** The caller hung up; the IVR then closed the connection. */
        CALLER_HUNG_UP,
        /** The double dropped the TCP connection. */
        DROPPED,
        /** The IVR closed the connection before sending any command (host not allowed, no capacity). */
        REFUSED
    }

    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    public List<String> commands() {
        return exchanges.stream().map(Exchange::command).toList();
    }

    /** The last file played, if any. */
    public Optional<String> lastPlayed() {
        return played.isEmpty() ? Optional.empty() : Optional.of(played.get(played.size() - 1));
    }
}
