package sa.civilaffairs.cc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigDirectoryTest {

    @TempDir
    Path root;

    private Path repoWithConfig() throws IOException {
        Path marker = root.resolve("repo/config").resolve(ConfigDirectory.MARKER);
        Files.createDirectories(marker.getParent());
        Files.writeString(marker, "[]");
        return root.resolve("repo");
    }

    @Test
    void findsConfigInTheStartingDirectory() throws IOException {
        Path repo = repoWithConfig();
        assertEquals(repo.resolve("config"), ConfigDirectory.locate(null, repo));
    }

    @Test
    void walksUpFromADeepModuleDirectory() throws IOException {
        Path repo = repoWithConfig();
        Path deep = Files.createDirectories(repo.resolve("ivr/target/test-classes"));
        assertEquals(repo.resolve("config"), ConfigDirectory.locate(null, deep));
        assertEquals(repo.resolve("config"), ConfigDirectory.locate("  ", deep));
    }

    @Test
    void aConfigDirectoryWithoutTheMarkerIsPassedBy() throws IOException {
        Path repo = repoWithConfig();
        Path module = Files.createDirectories(repo.resolve("console/config"));
        assertEquals(repo.resolve("config"), ConfigDirectory.locate(null, module.getParent()));
    }

    @Test
    void theEnvironmentVariableWinsAndNeedsNoMarker() throws IOException {
        Path repo = repoWithConfig();
        Path deployed = Files.createDirectories(root.resolve("etc/cc"));
        assertEquals(deployed, ConfigDirectory.locate(deployed.toString(), repo));
    }

    @Test
    void anEnvironmentVariableNamingNoDirectoryIsAnError() throws IOException {
        Path repo = repoWithConfig();
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigDirectory.locate(root.resolve("missing").toString(), repo));
        assertTrue(e.getMessage().startsWith(ConfigDirectory.ENV), e.getMessage());
    }

    @Test
    void noConfigAnywhereIsAnErrorThatSaysWhatWasExpected() throws IOException {
        Path lonely = Files.createDirectories(root.resolve("lonely/dir"));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigDirectory.locate(null, lonely));
        assertTrue(e.getMessage().contains(ConfigDirectory.MARKER), e.getMessage());
        assertTrue(e.getMessage().contains(ConfigDirectory.ENV), e.getMessage());
    }

    @Test
    void theRepositorysOwnConfigIsFoundFromThisModule() {
        Path config = ConfigDirectory.locate(null, Path.of("").toAbsolutePath());
        assertTrue(Files.isRegularFile(config.resolve(ConfigDirectory.MARKER)), config.toString());
    }
}
