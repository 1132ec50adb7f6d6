package dev.deepcanvas.runtime.compute;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Variables of this process's C environment, which native libraries read once when they load
 * (libgomp reads {@code OMP_WAIT_POLICY} then). Java cannot set them: {@code System.getenv()} is a
 * copy taken at start. On a C library that exports {@code environ} (glibc, musl), this writes a
 * new variable list into it, as {@code setenv} itself does; elsewhere (Windows, macOS) it reports
 * that it cannot and changes nothing. Only meaningful before the library that reads the variable
 * loads, and at start, before threads that call {@code setenv} exist.
 */
public final class NativeEnvironment {

    /** Native memory the environment now points into: kept reachable so it is never freed. */
    private static final List<Pointer> KEPT = new ArrayList<>();

    private NativeEnvironment() {}

    /** The variable's value in the C environment, empty when unset or when it cannot be read here. */
    public static synchronized Optional<String> get(String name) {
        PointerPointer<BytePointer> variables = variables();
        if (variables == null) {
            return Optional.empty();
        }
        String prefix = name + "=";
        for (long i = 0; variables.get(BytePointer.class, i) != null; i++) {
            String entry = variables.getString(i);
            if (entry.startsWith(prefix)) {
                return Optional.of(entry.substring(prefix.length()));
            }
        }
        return Optional.empty();
    }

    /**
     * Sets {@code name=value} unless the variable is already set (a user's choice wins).
     *
     * @return true when this call set it
     */
    public static synchronized boolean setIfAbsent(String name, String value) {
        Pointer slot = environSlot();
        PointerPointer<BytePointer> variables = variables();
        if (slot == null || variables == null || get(name).isPresent()) {
            return false;
        }
        long count = 0;
        while (variables.get(BytePointer.class, count) != null) {
            count++;
        }
        PointerPointer<BytePointer> fresh = new PointerPointer<>(count + 2);
        for (long i = 0; i < count; i++) {
            fresh.put(i, variables.get(BytePointer.class, i));
        }
        BytePointer entry = new BytePointer(name + "=" + value);
        fresh.put(count, entry);
        fresh.put(count + 1, (Pointer) null);
        KEPT.add(entry);
        KEPT.add(fresh);
        new PointerPointer<BytePointer>(slot).put(0, fresh);
        return true;
    }

    private static PointerPointer<BytePointer> variables() {
        Pointer slot = environSlot();
        if (slot == null) {
            return null;
        }
        Pointer list = new PointerPointer<BytePointer>(slot).get(BytePointer.class, 0);
        return list == null ? null : new PointerPointer<>(list);
    }

    /** The address of the C library's {@code environ} variable, null where it is not exported. */
    private static Pointer environSlot() {
        try {
            Pointer slot = Loader.addressof("environ");
            return slot == null || slot.isNull() ? null : slot;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return null;
        }
    }
}
