package sa.civilaffairs.cc.office;

import java.util.ArrayList;
import java.util.List;
import sa.civilaffairs.cc.office.LocatedYaml.Mapping;
import sa.civilaffairs.cc.office.LocatedYaml.Node;

/** Reads {@code holidays.yaml}: a list of official holidays, each a name and a date or a date range. */
final class HolidaysFile {

    private final YamlFields yaml;

    HolidaysFile(String file) {
        this.yaml = new YamlFields(file);
    }

    List<Holiday> read(Node root) {
        Mapping top = yaml.mapping(root, "", "a mapping with holidays");
        yaml.allowOnly(top, "", "holidays");
        List<Holiday> holidays = new ArrayList<>();
        for (Node node : yaml.items(yaml.require(top, "holidays", ""), "holidays")) {
            Mapping m = yaml.mapping(node, "holiday", "name and date, or name, from and to");
            yaml.allowOnly(m, "holiday", "name", "date", "from", "to");
            Bilingual name = yaml.bilingual(yaml.require(m, "name", "holiday"), "holiday name");
            String where = "holiday " + name.en();
            YamlFields.Span span = yaml.span(m, where);
            holidays.add(yaml.at(m.line(), where, () -> new Holiday(name, span.from(), span.to())));
        }
        return holidays;
    }
}
