package org.dl4jsuite.common.io;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleUtils;
import net.razorvine.pickle.Unpickler;
import org.dl4jsuite.common.SuiteException;

/**
 * Pyrolite's unpickler restricted to what a PyTorch {@code state_dict} pickle uses, as
 * {@code torch.load(weights_only=True)} is: the globals {@code collections.OrderedDict},
 * {@code torch._utils._rebuild_tensor_v2} (and {@code _rebuild_tensor}, its form before PyTorch 0.4),
 * {@code torch._utils._rebuild_parameter} and the {@code torch.*Storage}
 * types, storages by persistent id, and plain values. Any other global, a call of anything else, and the opcodes a
 * state_dict never uses are refused with one message; a length in the pickle is checked against the bytes left
 * before anything is allocated. Nothing named in the file is ever looked up, loaded or run.
 */
final class TorchUnpickler extends Unpickler {
    /** The globals a state_dict names, as module.name. */
    static final List<String> ALLOWED = List.of("collections.OrderedDict", "torch._utils._rebuild_tensor_v2",
            "torch._utils._rebuild_tensor", "torch._utils._rebuild_parameter", "torch.*Storage");

    private final String what;
    private final Consumer<TorchStorage> storageCheck;
    private final Map<String, TorchStorage> storages = new LinkedHashMap<>();

    /**
     * An unpickler for the pickles of {@code what} (a file, for messages); {@code storageCheck} sees each storage the
     * first time the pickle refers to it, and refuses one the file cannot hold.
     */
    TorchUnpickler(String what, Consumer<TorchStorage> storageCheck) {
        this.what = what;
        this.storageCheck = storageCheck;
    }

    /** The storages the pickles referred to, by key, in order of first reference. */
    Map<String, TorchStorage> storages() {
        return storages;
    }

    /** Reads one pickle from {@code in} (which must support mark and give exact {@code available()} counts). */
    Object loadOne(InputStream in) {
        try {
            return load(in);
        } catch (SuiteException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Pyrolite's own errors, and what its casts and stack pops throw on a malformed stream.
            throw refuse("has a malformed pickle (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }

    /** The globals a state_dict's pickle calls. */
    private enum Global {
        ORDERED_DICT, REBUILD_TENSOR, REBUILD_PARAMETER
    }

    /** A {@code torch.*Storage} class as a value (the pickle names it inside a storage's persistent id). */
    private record StorageType(TorchDtype dtype) {
    }

    /** An {@code OrderedDict} the pickle built: a state_dict, or the empty backward-hooks dict of a tensor. */
    private static final class OrderedDict extends LinkedHashMap<Object, Object> {
        private static final long serialVersionUID = 1L;
    }

    @Override
    protected Object dispatch(short key) throws IOException {
        switch (key) {
            case Opcodes.GLOBAL -> stack.add(global(PickleUtils.readline(input), PickleUtils.readline(input)));
            case Opcodes.STACK_GLOBAL -> {
                Object name = stack.pop();
                Object module = stack.pop();
                if (!(module instanceof String m) || !(name instanceof String n)) {
                    throw refuse("names a global by values that are not strings");
                }
                stack.add(global(m, n));
            }
            case Opcodes.REDUCE, Opcodes.NEWOBJ -> {
                Object args = stack.pop();
                Object callable = stack.pop();
                stack.add(call(callable, args));
            }
            case Opcodes.BUILD -> {
                Object state = stack.pop();
                if (!(stack.peek() instanceof OrderedDict) || !(state == null || state instanceof Map)) {
                    throw refuse("sets the state of a " + typeName(stack.peek()) + "; only an OrderedDict's "
                            + "attributes (a state_dict's _metadata) are accepted");
                }
                // A state_dict's _metadata (module versions) is not needed to read the tensors.
            }
            case Opcodes.BINPERSID -> stack.add(storage(stack.pop()));
            case Opcodes.EMPTY_DICT -> stack.add(new LinkedHashMap<>());
            case Opcodes.DICT -> {
                Map<Object, Object> dict = new LinkedHashMap<>();
                putAll(dict, stack.pop_all_since_marker());
                stack.add(dict);
            }
            case Opcodes.SETITEM -> {
                Object value = stack.pop();
                Object k = stack.pop();
                dict(stack.peek()).put(requireKey(k), value);
            }
            case Opcodes.SETITEMS -> {
                List<Object> items = stack.pop_all_since_marker();
                putAll(dict(stack.peek()), items);
            }
            case Opcodes.BINSTRING, Opcodes.BINUNICODE, Opcodes.BINBYTES, Opcodes.LONG4 -> {
                requireLength(4);
                return super.dispatch(key);
            }
            case Opcodes.BINUNICODE8, Opcodes.BINBYTES8, Opcodes.BYTEARRAY8 -> {
                requireLength(8);
                return super.dispatch(key);
            }
            case Opcodes.PERSID, Opcodes.INST, Opcodes.OBJ, Opcodes.NEWOBJ_EX, Opcodes.EXT1, Opcodes.EXT2, Opcodes.EXT4,
                    Opcodes.EMPTY_SET, Opcodes.ADDITEMS, Opcodes.FROZENSET, Opcodes.NEXT_BUFFER, Opcodes.READONLY_BUFFER ->
                    throw refuse(String.format("uses pickle opcode 0x%02x, which a state_dict's pickle never does", key));
            default -> {
                return super.dispatch(key);
            }
        }
        return NO_RETURN_VALUE;
    }

    private Object global(String module, String name) {
        String full = module + "." + name;
        switch (full) {
            case "collections.OrderedDict":
                return Global.ORDERED_DICT;
            case "torch._utils._rebuild_tensor_v2", "torch._utils._rebuild_tensor":
                return Global.REBUILD_TENSOR;
            case "torch._utils._rebuild_parameter":
                return Global.REBUILD_PARAMETER;
            default:
                Optional<TorchDtype> dtype = module.equals("torch") ? TorchDtype.ofStorage(name) : Optional.empty();
                if (dtype.isPresent()) {
                    return new StorageType(dtype.get());
                }
                throw refuse("names the global '" + printable(full) + "', which is not read: a state_dict's pickle "
                        + "uses only " + String.join(", ", ALLOWED) + ". Save the weights with "
                        + "torch.save(model.state_dict(), path)");
        }
    }

    private Object call(Object callable, Object args) {
        if (!(callable instanceof Global global)) {
            throw refuse("calls a " + typeName(callable) + "; only " + String.join(", ", ALLOWED.subList(0, 4))
                    + " are called");
        }
        if (!(args instanceof Object[] a)) {
            throw refuse("calls " + global + " with a " + typeName(args) + " for its arguments, not a tuple");
        }
        return switch (global) {
            case ORDERED_DICT -> {
                if (a.length != 0) {
                    throw refuse("builds an OrderedDict from arguments; a state_dict's has none");
                }
                yield new OrderedDict();
            }
            case REBUILD_TENSOR -> {
                // (storage, offset, size, stride[, requires_grad, backward_hooks[, metadata]]): v1 has the first four.
                if (a.length != 4 && a.length != 6 && a.length != 7) {
                    throw refuse("rebuilds a tensor from " + a.length + " arguments, not 4, 6 or 7");
                }
                if (!(a[0] instanceof TorchStorage storage)) {
                    throw refuse("rebuilds a tensor from a " + typeName(a[0]) + ", not a storage");
                }
                try {
                    yield new TorchTensor(storage, integer(a[1], "storage offset"), integers(a[2], "size"),
                            integers(a[3], "stride"));
                } catch (IllegalArgumentException e) {
                    throw refuse("describes " + e.getMessage());
                }
            }
            case REBUILD_PARAMETER -> {
                if (a.length != 3 || !(a[0] instanceof TorchTensor tensor)) {
                    throw refuse("rebuilds a parameter from something other than (tensor, requires_grad, hooks)");
                }
                yield tensor;
            }
        };
    }

    /** The storage a persistent id ('storage', type, key, location, items[, view]) names, checked once per key. */
    private TorchStorage storage(Object pid) {
        if (!(pid instanceof Object[] id) || (id.length != 5 && id.length != 6) || !"storage".equals(id[0])
                || !(id[1] instanceof StorageType type) || !(id[2] instanceof String key) || !(id[3] instanceof String)) {
            throw refuse("has a persistent id that is not ('storage', torch.*Storage, key, location, items)");
        }
        if (id.length == 6 && id[5] != null) {
            throw refuse("has a storage view (written by PyTorch before 1.0); load and save it again with a newer one");
        }
        if (key.isEmpty() || key.length() > 64 || !key.chars().allMatch(c -> c >= '0' && c <= '9'
                || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '-')) {
            throw refuse("names a storage by the key '" + printable(key) + "'; keys are short and alphanumeric");
        }
        long items = integer(id[4], "storage length");
        TorchStorage storage = new TorchStorage(key, type.dtype(), items);
        TorchStorage known = storages.get(key);
        if (known != null) {
            if (!known.equals(storage)) {
                throw refuse("describes storage '" + key + "' twice, differently");
            }
            return known;
        }
        try {
            if (storage.bytes() > Integer.MAX_VALUE) {
                throw refuse("claims a storage of " + items + " items (" + storage.bytes()
                        + " bytes); storages up to 2 GiB are read");
            }
        } catch (ArithmeticException e) {
            throw refuse("claims a storage of " + items + " items");
        }
        storageCheck.accept(storage);
        storages.put(key, storage);
        return storage;
    }

    private long integer(Object value, String name) {
        if (value instanceof Integer || value instanceof Long) {
            long v = ((Number) value).longValue();
            if (v >= 0) {
                return v;
            }
        }
        if (value instanceof BigInteger) {
            throw refuse("has a " + name + " too large for any file");
        }
        throw refuse("has a " + name + " that is not a whole number ≥ 0: a " + typeName(value));
    }

    private long[] integers(Object value, String name) {
        if (!(value instanceof Object[] tuple) || tuple.length > TorchTensor.MAX_RANK) {
            throw refuse("has a tensor " + name + " that is not a tuple of at most " + TorchTensor.MAX_RANK + " numbers");
        }
        long[] out = new long[tuple.length];
        for (int i = 0; i < tuple.length; i++) {
            out[i] = integer(tuple[i], "tensor " + name);
        }
        return out;
    }

    private Map<Object, Object> dict(Object target) {
        if (!(target instanceof Map)) {
            throw refuse("sets an item of a " + typeName(target) + ", not of a dict");
        }
        @SuppressWarnings("unchecked")
        Map<Object, Object> dict = (Map<Object, Object>) target;
        return dict;
    }

    private void putAll(Map<Object, Object> dict, List<Object> items) {
        if (items.size() % 2 != 0) {
            throw refuse("sets dict items from an odd number of values");
        }
        for (int i = 0; i < items.size(); i += 2) {
            dict.put(requireKey(items.get(i)), items.get(i + 1));
        }
    }

    /** A dict key that hashes without looking inside containers (a list holding itself would never return). */
    private Object requireKey(Object key) {
        if (key == null || key instanceof String || key instanceof Number || key instanceof Boolean
                || key instanceof Object[]) {
            return key;
        }
        throw refuse("uses a " + typeName(key) + " as a dict key");
    }

    /** Checks the length that follows the opcode (little-endian, {@code width} bytes) against the bytes left. */
    private void requireLength(int width) throws IOException {
        input.mark(width);
        byte[] field = input.readNBytes(width);
        input.reset();
        if (field.length != width) {
            throw refuse("ends inside a length field");
        }
        long length = 0;
        for (int i = width - 1; i >= 0; i--) {
            length = (length << 8) | (field[i] & 0xff);
        }
        long left = input.available() - (long) width;
        if (length < 0 || length > left) {
            throw refuse("claims a " + Long.toUnsignedString(length) + "-byte value with " + left + " bytes left");
        }
    }

    private static String typeName(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Global g) {
            return g.name();
        }
        return value instanceof Object[] ? "tuple" : value instanceof Map ? "dict"
                : value instanceof List ? "list" : value instanceof Set ? "set" : value.getClass().getSimpleName();
    }

    /** {@code text} cut to 100 characters with control characters shown as '?'. */
    private static String printable(String text) {
        String cut = text.length() > 100 ? text.substring(0, 100) + "…" : text;
        return cut.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private SuiteException refuse(String problem) {
        return new SuiteException(what + " is not a PyTorch state_dict this suite reads: its pickle " + problem);
    }
}
