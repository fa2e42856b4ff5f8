package sa.civilaffairs.cc.ivr.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sa.civilaffairs.cc.config.ConfigDirectory;
import sa.civilaffairs.cc.ivr.IvrConfig;

class IvrConfigTest {

    private static final Path FILE = ConfigDirectory.locate().resolve(IvrConfig.FILE);

    @Test
    void theShippedFileHasTheDocumentedDefaults() {
        IvrConfig c = IvrConfig.load(FILE, Map.of());
        assertEquals(4573, c.agi().port());
        assertEquals(List.of("127.0.0.1"), c.agi().allowedHosts());
        assertTrue(c.agi().maxCalls() >= 1000, "the pool must hold at least 1,000 calls");
        assertEquals(Duration.ofMinutes(5), c.booking().holdTtl());
        assertEquals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.THURSDAY).size() + 1, c.agents().days().size());
        assertEquals(LocalTime.of(8, 0), c.agents().from());
        assertEquals("civil-affairs-ar", c.agents().queueAr());
        assertEquals("cc", c.voice().soundsPrefix());
    }

    @Test
    void theEnvironmentOverridesAndAnEmptyValueKeepsTheDefault() {
        IvrConfig c = IvrConfig.load(FILE, Map.of("IVR_AGI_PORT", "0", "IVR_ALLOWED_HOSTS", "10.0.0.5, 10.0.0.6",
                "IVR_MAX_CALLS", "", "IVR_AGENT_DAYS", "SUNDAY,SATURDAY"));
        assertEquals(0, c.agi().port());
        assertEquals(List.of("10.0.0.5", "10.0.0.6"), c.agi().allowedHosts());
        assertEquals(1200, c.agi().maxCalls());
        assertEquals(EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.SATURDAY), c.agents().days());
    }

    @Test
    void agentsAreInOnWorkingDaysAndHoursOnly() {
        IvrConfig.Agents a = IvrConfig.load(FILE, Map.of()).agents();
        assertTrue(a.open(LocalDateTime.of(2026, 12, 6, 8, 0)));
        assertFalse(a.open(LocalDateTime.of(2026, 12, 6, 20, 0)));
        assertFalse(a.open(LocalDateTime.of(2026, 12, 4, 10, 0)), "Friday");
    }

    @Test
    void aBadValueNamesItsKey(@TempDir Path dir) throws Exception {
        String text = Files.readString(FILE);
        assertEquals("agi.maxCalls: 0 (expected: 1-20000)", assertThrows(IvrConfig.IvrConfigException.class,
                () -> IvrConfig.load(FILE, Map.of("IVR_MAX_CALLS", "0"))).getMessage());
        assertEquals("agi.readTimeout: soon (expected: a duration such as 500ms, 30s, 5m, 2h)",
                assertThrows(IvrConfig.IvrConfigException.class,
                        () -> IvrConfig.load(FILE, Map.of("IVR_READ_TIMEOUT", "soon"))).getMessage());
        assertTrue(assertThrows(IvrConfig.IvrConfigException.class,
                () -> IvrConfig.load(FILE, Map.of("IVR_AGENT_DAYS", "FUNDAY"))).getMessage()
                .startsWith("agents.days: FUNDAY"));
        Path broken = dir.resolve("ivr.yaml");
        Files.writeString(broken, text.replace("  allowedHosts:", "  allowedHostz:"));
        assertEquals("agi.allowedHosts: missing", assertThrows(IvrConfig.IvrConfigException.class,
                () -> IvrConfig.load(broken, Map.of())).getMessage());
    }
}
