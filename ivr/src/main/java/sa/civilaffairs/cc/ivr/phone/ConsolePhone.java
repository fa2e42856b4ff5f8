package sa.civilaffairs.cc.ivr.phone;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import sa.civilaffairs.cc.config.ConfigDirectory;
import sa.civilaffairs.cc.ivr.agidouble.AgiCommandLine;
import sa.civilaffairs.cc.ivr.agidouble.AsteriskDouble;
import sa.civilaffairs.cc.ivr.agidouble.CallRecord;
import sa.civilaffairs.cc.ivr.agidouble.CallSetup;
import sa.civilaffairs.cc.ivr.agidouble.Caller;
import sa.civilaffairs.cc.ivr.agidouble.Move;
import sa.civilaffairs.cc.ivr.prompt.PromptCatalogue;

/**
 * A phone in the terminal, for walking the IVR without Asterisk: places a call through the {@link AsteriskDouble},
 * prints the text of each prompt as it plays and asks for keys when the IVR waits ({@code 1}, {@code 1000000016#},
 * {@code *}; an empty line is silence, {@code h} hangs up).
 * <p>
 * {@code java -cp "ivr/target/classes:ivr/target/lib/*" sa.civilaffairs.cc.ivr.phone.ConsolePhone [host] [port]
 * [caller-number]}
 */
public final class ConsolePhone implements Caller {

    private final PromptCatalogue prompts;
    private final BufferedReader in;
    private final PrintStream out;

    public ConsolePhone(PromptCatalogue prompts, BufferedReader in, PrintStream out) {
        this.prompts = prompts;
        this.in = in;
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        String host = args.length > 0 ? args[0] : "127.0.0.1";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 4573;
        String number = args.length > 2 ? args[2] : "0500000101";
        ConsolePhone phone = new ConsolePhone(PromptCatalogue.load(ConfigDirectory.locate()),
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.out);
        CallRecord call = phone.call(new InetSocketAddress(host, port), number);
        System.out.println("-- call ended: " + call.end() + ", variables " + call.variables());
    }

    public CallRecord call(InetSocketAddress ivr, String callerNumber) throws IOException {
        out.println("-- calling 920022133 from " + callerNumber + " (empty line = silence, h = hang up)");
        return new AsteriskDouble(ivr, f -> true, 600_000).call(CallSetup.hotline(callerNumber,
                System.currentTimeMillis() % 100_000), this);
    }

    @Override
    public Move next(Kind kind, AgiCommandLine command) {
        switch (command.verb()) {
            case "STREAM FILE", "GET DATA", "GET OPTION" -> {
                String text = prompts.textOfFile(command.arg(0));
                if (!text.isEmpty()) {
                    out.println("  IVR: " + text);
                }
            }
            case "SET VARIABLE" -> out.println("  [" + command.arg(0) + "=" + command.arg(1) + "]");
            default -> {
            }
        }
        if (kind != Kind.READ) {
            return Move.NOTHING;
        }
        while (true) {
            out.print("keys> ");
            out.flush();
            String line;
            try {
                line = in.readLine();
            } catch (IOException e) {
                return new Move.HangUp();
            }
            if (line == null || line.strip().equalsIgnoreCase("h")) {
                return new Move.HangUp();
            }
            String keys = line.strip();
            if (keys.isEmpty()) {
                return Move.NOTHING;
            }
            try {
                return new Move.Keys(keys);
            } catch (IllegalArgumentException e) {
                out.println("  (keys are 0-9, * and #)");
            }
        }
    }
}
