package be.uliege.library.registration.load.file;

import java.util.Arrays;
import java.util.List;

/** A reason in words: a message key of the bundles ({@code load.reason.…}) and its arguments. */
public record Reason(String key, List<String> args) {

    public Reason {
        args = List.copyOf(args);
    }

    public static Reason of(String key, Object... args) {
        return new Reason(key, Arrays.stream(args).map(String::valueOf).toList());
    }
}
