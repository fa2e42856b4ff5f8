package sa.civilaffairs.cc.office;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the office catalogue from {@value #OFFICES_FILE} and {@value #HOLIDAYS_FILE} in the configuration directory
 * (found by the caller). The files are validated completely at start-up: the first broken rule stops loading with a
 * {@link CatalogueException} naming the file, the line and the reason.
 */
public final class CatalogueLoader {

    public static final String OFFICES_FILE = "offices.yaml";
    public static final String HOLIDAYS_FILE = "holidays.yaml";

    private static final Logger LOG = LoggerFactory.getLogger(CatalogueLoader.class);

    private CatalogueLoader() {
    }

    /** Loads and validates both files from {@code configDir}. */
    public static OfficeCatalogue load(Path configDir) {
        var offices = new OfficesFile(OFFICES_FILE).read(LocatedYaml.read(configDir.resolve(OFFICES_FILE)));
        var holidays = new HolidaysFile(HOLIDAYS_FILE).read(LocatedYaml.read(configDir.resolve(HOLIDAYS_FILE)));
        OfficeCatalogue catalogue = new OfficeCatalogue(offices, holidays);
        LOG.info("Office catalogue: {} offices, {} holidays, from {}", offices.size(), holidays.size(),
                configDir.toAbsolutePath().normalize());
        return catalogue;
    }
}
