package sa.civilaffairs.cc.dialog;

import java.util.Objects;

/**
 * A message read as a keyword: the intent, the keyword as found in the table ({@code word}, normalised; empty when a
 * reference was sent alone), and what followed the keyword, as typed ({@code argument}, for free text) and in
 * matching form ({@code normalArgument}, Western digits, for IDs and references). Both are empty when the keyword
 * stood alone.
 */
public record Command(Intent intent, String word, String argument, String normalArgument) {
    public Command {
        Objects.requireNonNull(intent, "intent");
        word = word == null ? "" : word;
        argument = argument == null ? "" : argument.strip();
        normalArgument = normalArgument == null ? "" : normalArgument.strip();
    }

    /** {@code true} when a keyword was typed (not a reference alone). */
    public boolean keyword() {
        return !word.isEmpty();
    }

    public boolean hasArgument() {
        return !normalArgument.isEmpty() || !argument.isEmpty();
    }
}
