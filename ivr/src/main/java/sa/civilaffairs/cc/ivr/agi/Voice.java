package sa.civilaffairs.cc.ivr.agi;

import java.util.List;
import java.util.function.Consumer;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.command.GetDataCommand;
import org.asteriskjava.fastagi.command.StreamFileCommand;
import org.asteriskjava.fastagi.command.WaitForDigitCommand;
import org.asteriskjava.fastagi.reply.AgiReply;
import sa.civilaffairs.cc.ivr.prompt.Prompt;
import sa.civilaffairs.cc.text.Language;

/**
 * Speaks to one caller over AGI. Every prompt plays with all keys as escape digits, so a caller who knows the menus
 * can type ahead: a key pressed during a statement ends it and is kept for the next read (digits pressed while no
 * command reads are lost on real Asterisk). A read answered {@code -1} is a hang-up and throws
 * {@link AgiHangupException}. One per call, used by the call's thread only.
 */
public final class Voice {

    /** Every DTMF key a caller may press. */
    public static final String KEYS = "0123456789*#";

    private final AgiChannel channel;
    private final String prefix;
    private final long menuTimeoutMillis;
    private final long entryTimeoutMillis;
    private final Consumer<Prompt> spoken;
    private Language language = Language.AR;
    private char pending;

    /** @param spoken told of every prompt before it plays (the catalogue check in tests; a no-op otherwise) */
    public Voice(AgiChannel channel, String prefix, long menuTimeoutMillis, long entryTimeoutMillis,
                 Consumer<Prompt> spoken) {
        this.channel = channel;
        this.prefix = prefix;
        this.menuTimeoutMillis = menuTimeoutMillis;
        this.entryTimeoutMillis = entryTimeoutMillis;
        this.spoken = spoken;
    }

    public void language(Language language) {
        this.language = language;
    }

    public Language language() {
        return language;
    }

    /** Plays the prompts; a key pressed meanwhile stops them and waits for the next read. */
    public void say(List<Prompt> prompts) throws AgiException {
        for (Prompt p : prompts) {
            if (pending != 0) {
                return;
            }
            spoken.accept(p);
            AgiReply reply = channel.sendCommand(new StreamFileCommand(p.file(prefix, language), KEYS));
            int code = reply.getResultCode();
            if (code > 0) {
                pending = (char) code;
            }
            // -1: the file is missing or the caller hung up; the next command tells which (511)
        }
    }

    /** Plays a menu and reads one key (a key typed ahead answers at once). */
    public Entry menu(List<Prompt> prompts) throws AgiException {
        say(prompts);
        if (pending != 0) {
            return new Entry.Key(takePending());
        }
        AgiReply reply = channel.sendCommand(new WaitForDigitCommand(menuTimeoutMillis));
        int code = reply.getResultCode();
        if ("-1".equals(reply.getResult())) {
            throw new AgiHangupException();
        }
        return code > 0 ? new Entry.Key((char) code) : new Entry.Silence();
    }

    /**
     * Plays the prompts and reads up to {@code maxDigits} digits ended by {@code #}. A {@code *} first is
     * {@code Key('*')} (back); digits typed during the prompts count as the entry's first.
     */
    public Entry digits(List<Prompt> prompts, int maxDigits) throws AgiException {
        say(prompts.subList(0, prompts.size() - 1));
        String first = "";
        Prompt last = prompts.get(prompts.size() - 1);
        if (pending != 0) {
            char k = takePending();
            if (k == '*') {
                return new Entry.Key('*');
            }
            if (k == '#') {
                return new Entry.Empty();
            }
            first = String.valueOf(k);
            last = Prompt.of("silence");
        }
        spoken.accept(last);
        AgiReply reply = channel.sendCommand(new GetDataCommand(last.file(prefix, language), entryTimeoutMillis,
                maxDigits - first.length()));
        String line = reply.getFirstLine();
        String result = line.startsWith("200 result=") ? line.substring("200 result=".length()) : "";
        boolean timedOut = result.endsWith("(timeout)");
        String digits = first + (timedOut ? result.substring(0, result.length() - "(timeout)".length()) : result).strip();
        if (digits.equals("-1")) {
            throw new AgiHangupException();
        }
        if (digits.startsWith("*")) {
            return new Entry.Key('*');
        }
        if (digits.isEmpty()) {
            return timedOut ? new Entry.Silence() : new Entry.Empty();
        }
        return new Entry.Digits(digits, !timedOut);
    }

    private char takePending() {
        char k = pending;
        pending = 0;
        return k;
    }
}
