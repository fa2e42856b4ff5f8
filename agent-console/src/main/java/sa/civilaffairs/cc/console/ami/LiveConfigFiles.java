package sa.civilaffairs.cc.console.ami;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import sa.civilaffairs.cc.console.live.AgentBinding;
import sa.civilaffairs.cc.console.live.AgentDirectory;

/**
 * Reads the live contact center's config: the {@code ami} section of a console YAML file and config/agents.yaml.
 * A bad file stops start-up with a message naming the file and the value.
 */
public final class LiveConfigFiles {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private LiveConfigFiles() {
    }

    /** The {@code ami:} section of {@code file} (config/console.yaml), then CC_AMI_* environment overrides. */
    public static AmiSettings ami(Path file, Map<String, String> env) {
        Map<String, Object> root = read(file);
        Object section = root.get("ami");
        if (section != null && !(section instanceof Map)) {
            throw new AmiException.BadSettings(file + ": ami (expected: a section with host, port, user, secret)");
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> ami = section == null ? Map.of() : (Map<String, ?>) section;
        try {
            return AmiSettings.fromConfig(ami, env);
        } catch (AmiException.BadSettings e) {
            throw new AmiException.BadSettings(file + ": " + e.getMessage());
        }
    }

    /** config/agents.yaml: {@code wrapUpReason} and the list {@code agents} of {agent, interface, name}. */
    public static AgentDirectory agents(Path file) {
        Map<String, Object> root = read(file);
        Object list = root.get("agents");
        if (!(list instanceof List<?> items)) {
            throw new AmiException.BadSettings(file + ": agents (expected: a list of {agent, interface, name})");
        }
        List<AgentBinding> bindings = new ArrayList<>();
        try {
            for (Object item : items) {
                if (!(item instanceof Map<?, ?> m)) {
                    throw new IllegalArgumentException("agents entry " + item + " (expected: {agent, interface, name})");
                }
                bindings.add(new AgentBinding(text(m.get("agent")), text(m.get("interface")), text(m.get("name"))));
            }
            Object reason = root.getOrDefault("wrapUpReason", AgentDirectory.DEFAULT_WRAP_UP_REASON);
            return new AgentDirectory(bindings, text(reason));
        } catch (IllegalArgumentException e) {
            throw new AmiException.BadSettings(file + ": " + e.getMessage());
        }
    }

    private static Map<String, Object> read(Path file) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> root = Files.exists(file) ? YAML.readValue(file.toFile(), Map.class) : null;
            if (root == null) {
                throw new AmiException.BadSettings(file + " (expected: a YAML file)");
            }
            return root;
        } catch (IOException e) {
            throw new AmiException.BadSettings(file + ": " + e.getMessage());
        }
    }

    private static String text(Object o) {
        return o == null ? null : String.valueOf(o);
    }
}
