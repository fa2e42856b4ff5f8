package sa.civilaffairs.cc.ivr.prompt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import sa.civilaffairs.cc.config.ConfigDirectory;
import sa.civilaffairs.cc.ivr.IvrException;
import sa.civilaffairs.cc.text.Language;

/**
 * Generates the sound files Asterisk plays from {@code config/prompts/catalogue.yaml}: for every prompt and language,
 * {@code <out>/<ar|en>/<id>.wav}, 8 kHz mono 16-bit PCM (Asterisk's native {@code slin} rate, no transcoding), spoken
 * by espeak-ng (voices {@code ar} and {@code en}) and resampled by sox. Empty texts become 200 ms of silence.
 * {@code <out>/texts.properties} records the text each file was made from, so a second run only makes what changed.
 * <p>
 * {@code scripts/prompts [out-dir]} runs it; the default out-dir is {@code ivr/target/sounds/cc}. Copy that directory
 * to {@code /var/lib/asterisk/sounds/cc} (the {@code voice.soundsPrefix} of {@code config/ivr.yaml}).
 */
public final class PromptAudio {

    private PromptAudio() {
    }

    public static void main(String[] args) throws Exception {
        Path config = ConfigDirectory.locate();
        Path out = args.length > 0 ? Path.of(args[0]) : config.getParent().resolve("ivr/target/sounds/cc");
        int made = generate(config, out, Math.max(1, Runtime.getRuntime().availableProcessors()));
        System.out.println("prompts: " + made + " files made in " + out.toAbsolutePath().normalize());
    }

    /** Makes the missing or outdated files; returns how many it made. */
    public static int generate(Path configDir, Path out, int threads) throws Exception {
        PromptCatalogue catalogue = PromptCatalogue.load(configDir);
        Files.createDirectories(out);
        Path manifest = out.resolve("texts.properties");
        java.util.Properties made = new java.util.Properties();
        if (Files.exists(manifest)) {
            try (var in = Files.newBufferedReader(manifest, java.nio.charset.StandardCharsets.UTF_8)) {
                made.load(in);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> jobs = new ArrayList<>();
            for (Language language : Language.values()) {
                Path dir = out.resolve(language.code());
                Files.createDirectories(dir);
                for (String id : catalogue.ids()) {
                    Path wav = dir.resolve(id + ".wav");
                    String text = catalogue.texts(id).orElseThrow().in(language);
                    String key = language.code() + "/" + id;
                    if (Files.exists(wav) && text.equals(made.getProperty(key))) {
                        continue;
                    }
                    made.remove(key);
                    jobs.add(pool.submit(() -> {
                        speak(text, language, wav);
                        synchronized (made) {
                            made.setProperty(key, text);
                        }
                        return true;
                    }));
                }
            }
            try {
                for (Future<Boolean> job : jobs) {
                    job.get();
                }
            } finally {
                try (var w = Files.newBufferedWriter(manifest, java.nio.charset.StandardCharsets.UTF_8)) {
                    made.store(w, "the text each sound file was made from (scripts/prompts)");
                }
            }
            return jobs.size();
        } finally {
            pool.shutdownNow();
        }
    }

    private static void speak(String text, Language language, Path wav) throws IOException, InterruptedException {
        Path raw = Files.createTempFile("prompt-", ".wav");
        try {
            if (text.isBlank()) {
                run(List.of("sox", "-n", "-r", "8000", "-c", "1", "-b", "16", wav.toString(), "trim", "0.0", "0.2"));
                return;
            }
            run(List.of("espeak-ng", "-v", language.code(), "-s", "150", "-w", raw.toString(), text));
            run(List.of("sox", raw.toString(), "-r", "8000", "-c", "1", "-b", "16", "-e", "signed-integer",
                    wav.toString()));
        } finally {
            Files.deleteIfExists(raw);
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IvrException(command.get(0) + " is not installed (scripts/install-deps installs espeak-ng and sox)",
                    e);
        }
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IvrException(String.join(" ", command.subList(0, 2)) + " failed: " + output.strip());
        }
    }
}
