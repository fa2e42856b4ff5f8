package sa.civilaffairs.cc.ivr.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import sa.civilaffairs.cc.config.ConfigDirectory;
import sa.civilaffairs.cc.text.Language;

/**
 * Runs the generation of scripts/prompts (espeak-ng and sox) into {@code ivr/target/sounds/cc}, then checks that
 * every catalogue prompt has its file in both languages, as 8 kHz mono 16-bit WAV.
 */
class PromptAudioIT {

    @Test
    void everyPromptHasItsAudioInBothLanguages() throws Exception {
        Path config = ConfigDirectory.locate();
        Path out = config.getParent().resolve("ivr/target/sounds/cc");
        PromptAudio.generate(config, out, 2);
        PromptCatalogue catalogue = PromptCatalogue.load(config);
        Set<String> problems = new TreeSet<>();
        for (Language language : Language.values()) {
            for (String id : catalogue.ids()) {
                Path wav = out.resolve(language.code()).resolve(id + ".wav");
                if (!Files.exists(wav)) {
                    problems.add(wav + ": missing");
                    continue;
                }
                String format = format(wav);
                if (!format.equals("8000 Hz, 1 channel, 16 bit")) {
                    problems.add(wav + ": " + format);
                }
            }
        }
        assertEquals(Set.of(), problems);
    }

    /** The fmt chunk of a canonical WAV file (as sox writes it). */
    private static String format(Path wav) throws IOException {
        byte[] head = new byte[44];
        try (InputStream in = Files.newInputStream(wav)) {
            if (in.readNBytes(head, 0, 44) < 44) {
                return "shorter than a WAV header";
            }
        }
        ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        if (!new String(head, 0, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("RIFF")) {
            return "not a RIFF file";
        }
        return b.getInt(24) + " Hz, " + b.getShort(22) + " channel, " + b.getShort(34) + " bit";
    }
}
