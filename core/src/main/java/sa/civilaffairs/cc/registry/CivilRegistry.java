package sa.civilaffairs.cc.registry;

import sa.civilaffairs.cc.identity.NationalId;

/** The civil registry (upstream, outside this product). Thread-safe; never throws for upstream failures. */
public interface CivilRegistry {
    RegistryAnswer lookup(NationalId nationalId);
}
