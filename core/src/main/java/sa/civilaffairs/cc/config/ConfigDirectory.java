package sa.civilaffairs.cc.config;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the repository's {@code config/} directory, where every module reads its configuration files. The environment
 * variable {@value #ENV} wins when set (a deployment points it at its own directory, which need not hold the demo
 * data); otherwise the directory is found by walking up from the working directory to the first {@code config/} that
 * holds {@value #MARKER}, so the same lookup works from the repository root, from a module directory under Maven, and
 * from an IDE.
 */
public final class ConfigDirectory {

    /** Environment variable naming the config directory. */
    public static final String ENV = "CC_CONFIG_DIR";

    /** The file that marks the repository's config directory, relative to it. */
    public static final String MARKER = "registry/demo-people.json";

    private ConfigDirectory() {
    }

    /**
     * The config directory for this process, from {@value #ENV} or the working directory.
     *
     * @throws ConfigException when {@value #ENV} names no directory, or no config directory is found
     */
    public static Path locate() {
        return locate(System.getenv(ENV), Path.of("").toAbsolutePath());
    }

    /** {@link #locate()} with the environment variable's value and the starting directory given; for tests. */
    public static Path locate(String override, Path start) {
        if (override != null && !override.isBlank()) {
            Path dir = Path.of(override.strip()).toAbsolutePath().normalize();
            if (!Files.isDirectory(dir)) {
                throw new ConfigException(ENV + ": " + dir + " (expected: an existing directory)");
            }
            return dir;
        }
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("config");
            if (Files.isRegularFile(candidate.resolve(MARKER))) {
                return candidate;
            }
        }
        throw new ConfigException("config directory: not found from " + start.toAbsolutePath()
                + " (expected: a config/" + MARKER + " in it or a parent directory, or " + ENV + " set)");
    }

    /** The file at {@code relative} inside {@link #locate()}; it may not exist. */
    public static Path file(String relative) {
        return locate().resolve(relative);
    }
}
