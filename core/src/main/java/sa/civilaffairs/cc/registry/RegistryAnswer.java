package sa.civilaffairs.cc.registry;

/** What a registry lookup came back with. Every channel must handle all three. */
public sealed interface RegistryAnswer {
    record Found(Person person) implements RegistryAnswer {
    }

    record NotFound() implements RegistryAnswer {
    }

    /** The registry could not be asked or did not answer usefully in time; {@code reason} is for logs only. */
    record Unavailable(String reason) implements RegistryAnswer {
    }
}
