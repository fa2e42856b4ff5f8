package sa.civilaffairs.cc.ivr.agidouble;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Replays the IVR side of the real Asterisk 22 captures against the double over TCP and compares what the double
 * says, byte for byte, with what Asterisk said (fixtures/asterisk-22, copied beside this class).
 */
class AsteriskDoubleCaptureIT {

    /** The captures of {@code ../shared/fixtures/asterisk-22/}, copied beside this class. */
    private static Path capture(String name) throws Exception {
        return Path.of(AsteriskDoubleCaptureIT.class.getResource("asterisk-22/" + name).toURI());
    }

    /** Lines of one direction, without timestamps; {@code <<} is Asterisk, {@code >>} the FastAGI peer. */
    private static List<String> lines(Path file, String direction) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int at = line.indexOf(' ');
            String rest = line.substring(at + 1);
            if (rest.startsWith(direction + " ")) {
                out.add(rest.substring(3));
            } else if (rest.equals(direction)) {
                out.add("");
            }
        }
        return out;
    }

    private record Heard(List<String> asterisk) {
    }

    /** A FastAGI "IVR" that sends the captured commands and records every line the double answers. */
    private static Heard replay(Path file, ScriptedCaller caller, String uniqueId, String channel) throws Exception {
        List<String> commands = lines(file, ">>");
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<List<String>> heard = CompletableFuture.supplyAsync(() -> {
                try (Socket s = server.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                    OutputStream out = s.getOutputStream();
                    List<String> got = new ArrayList<>();
                    String line;
                    while (!(line = in.readLine()).isEmpty()) {
                        got.add(line);
                    }
                    got.add("");
                    for (String command : commands) {
                        out.write((command + "\n").getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        line = in.readLine();
                        got.add(line);
                        if (line.equals("HANGUP")) {
                            got.add(in.readLine());
                        }
                        if (line.startsWith("520-")) {
                            do {
                                line = in.readLine();
                                got.add(line);
                            } while (!line.startsWith("520 "));
                        }
                    }
                    return got;
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            CallSetup setup = new CallSetup("main", uniqueId, "5551234", channel, "en", Optional.empty());
            // the capture's agi_request names the address Asterisk was configured with
            AsteriskDouble asterisk = new AsteriskDouble(new InetSocketAddress("127.0.0.1", server.getLocalPort()));
            CompletableFuture<CallRecord> call = CompletableFuture.supplyAsync(() -> {
                try {
                    return asterisk.call(setup, caller);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            List<String> got = heard.get(20, TimeUnit.SECONDS);
            call.get(20, TimeUnit.SECONDS);
            return new Heard(got);
        }
    }

    private static List<String> withPort(List<String> captured, int port) {
        return captured.stream().map(l -> l.replace("127.0.0.1:4573", "127.0.0.1:" + port)).toList();
    }

    @Test
    void answersTheDtmfSessionAsAsteriskDid() throws Exception {
        Path file = capture("agi-call-dtmf.log");
        Heard heard = replay(file, ScriptedCaller.script().press("1234").silence(),
                "1795390439.1", "Local/920022133@ivr-00000000;2");
        List<String> expected = lines(file, "<<");
        int port = portOf(heard.asterisk());
        assertEquals(withPort(expected, port), heard.asterisk());
    }

    @Test
    void answersTheHangupSessionAsAsteriskDid() throws Exception {
        Path file = capture("agi-call-hangup.log");
        Heard heard = replay(file, ScriptedCaller.script().hangUp(),
                "1795390457.5", "Local/920022133@ivr-00000002;2");
        List<String> expected = lines(file, "<<");
        assertEquals(withPort(expected, portOf(heard.asterisk())), heard.asterisk());
    }

    private static int portOf(List<String> env) {
        String request = env.stream().filter(l -> l.startsWith("agi_request: ")).findFirst().orElseThrow();
        String hostPort = request.substring("agi_request: agi://".length(), request.lastIndexOf('/'));
        return Integer.parseInt(hostPort.substring(hostPort.indexOf(':') + 1));
    }
}
