package memscope.model.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import memscope.model.BootOptions;
import memscope.model.CachePolicy;
import memscope.model.Kernel;
import memscope.model.Rights;
import memscope.model.VmOptions;
import memscope.model.scenario.HandleNames.Entry;
import memscope.model.scenario.HandleNames.Kind;
import memscope.model.scenario.ScenarioSpec.ContentSpec;
import memscope.model.scenario.ScenarioSpec.HandleSpec;
import memscope.model.scenario.ScenarioSpec.MappingSpec;
import memscope.model.scenario.ScenarioSpec.ProcessSpec;
import memscope.model.scenario.ScenarioSpec.VmarSpec;
import memscope.model.scenario.ScenarioSpec.VmoSpec;
import memscope.model.text.Excerpt;
import memscope.model.text.Text;

/**
 * Turns a scenario's JSON tree into a checked {@link ScenarioSpec}: every field has the right type, no field is
 * unknown, every name is declared before it is used and of the right kind. FORMAT.md describes the format.
 */
final class ScenarioParser {
    static final int FORMAT = 1;
    /** Contents are real bytes in memory; this keeps a scenario from asking for gigabytes of them. */
    static final long MAX_CONTENT_BYTES = 64L * 1024 * 1024;

    private final ScenarioErrors errors;
    private final HandleNames names;
    private final ContentParser contents;
    private final Map<String, VmoSpec> vmosByHandle = new LinkedHashMap<>();
    private long contentBytes;

    ScenarioParser(ScenarioErrors errors) {
        this.errors = errors;
        this.names = new HandleNames(errors);
        this.contents = new ContentParser(errors);
    }

    ScenarioSpec parse(Node root) throws ScenarioException {
        if (root.kind != Node.Kind.OBJECT) {
            throw errors.at(root.place, "scenario.notObject", root.kind.words());
        }
        checkFormat(root);
        Fields f = Fields.open(root, "what.scenario", errors, "format", "title", "title_zh", "description",
                "description_zh", "boot",
                "processes", "vmos", "vmars", "mappings", "handles", "viewProcess", "editorHandle", "startAddress");
        foreseeNames(f);
        String title = f.requiredName("title");
        String description = f.optionalString("description", "");
        // the Chinese words are optional: without them a reader in Chinese sees the English ones
        String titleZh = f.has("title_zh") ? f.requiredName("title_zh") : title;
        String descriptionZh = f.optionalString("description_zh", description);
        BootOptions boot = f.has("boot") ? boot(f.get("boot")) : BootOptions.defaults();
        List<ProcessSpec> processes = processes(f);
        for (Node n : f.array("vmos")) {
            VmoSpec v = vmo(n);
            vmosByHandle.put(v.handle(), v);
        }
        List<VmarSpec> vmars = new ArrayList<>();
        for (Node n : f.array("vmars")) {
            vmars.add(vmar(n));
        }
        List<MappingSpec> mappings = new ArrayList<>();
        for (Node n : f.array("mappings")) {
            mappings.add(mapping(n));
        }
        List<HandleSpec> handles = new ArrayList<>();
        for (Node n : f.array("handles")) {
            handles.add(handle(n));
        }
        String viewProcess = f.optionalName("viewProcess", processes.get(0).handle());
        Entry view = names.resolve(Text.verbatim("viewProcess"), viewProcess, f.placeOf("viewProcess"), Kind.PROCESS);
        String editorHandle = f.optionalName("editorHandle", viewProcess);
        Entry editor = names.resolve(Text.verbatim("editorHandle"), editorHandle, f.placeOf("editorHandle"), Kind.PROCESS);
        if (!editor.process().equals(view.process())) {
            throw f.error("editorHandle", "scenario.editorMismatch", Excerpt.of(editorHandle),
                    Excerpt.of(editor.process()), Excerpt.of(view.process()));
        }
        Long start = f.optionalQuantity("startAddress", Quantities.Kind.ADDRESS);
        return new ScenarioSpec(title, titleZh, description, descriptionZh, boot, processes, List.copyOf(vmosByHandle.values()), vmars,
                mappings, handles, viewProcess, view.process(), editorHandle, start);
    }

    /** Records every declared name up front; see {@link HandleNames#foresee}. Types are checked later. */
    private void foreseeNames(Fields top) {
        for (String section : new String[] {"processes", "vmos", "vmars", "handles"}) {
            Node list = top.get(section);
            if (list == null || list.kind != Node.Kind.ARRAY) {
                continue;
            }
            for (Node item : list.items()) {
                if (item.kind != Node.Kind.OBJECT) {
                    continue;
                }
                for (String key : new String[] {"handle", "name"}) {
                    Node name = item.members().get(key);
                    if (name != null && name.kind == Node.Kind.STRING) {
                        names.foresee(name.text(), item.place);
                        break;
                    }
                }
            }
        }
    }

    private void checkFormat(Node root) throws ScenarioException {
        Node format = root.members().get("format");
        if (format == null) {
            throw errors.at(root.place, "format.missing", FORMAT);
        }
        if (format.kind != Node.Kind.INTEGER) {
            throw errors.at(format.place, "format.type", FORMAT, format.kind.words(), format.shown());
        }
        if (!format.integer().equals(java.math.BigInteger.valueOf(FORMAT))) {
            throw errors.at(format.place, "format.unsupported", format.shown(), FORMAT);
        }
    }

    private BootOptions boot(Node node) throws ScenarioException {
        Fields f = Fields.open(node, "what.boot", errors, "debuggingSyscalls", "legacyNoMemory", "fidelity");
        return BootOptions.defaults()
                .withDebuggingSyscalls(f.bool("debuggingSyscalls", false))
                .withLegacyNoMemory(f.bool("legacyNoMemory", false))
                .withFidelity(fidelity(f));
    }

    /** {@code "documented"} (the default) or {@code "today"}. */
    private static memscope.model.Fidelity fidelity(Fields f) throws ScenarioException {
        String text = f.optionalString("fidelity", "documented");
        for (memscope.model.Fidelity v : memscope.model.Fidelity.values()) {
            if (v.word().equalsIgnoreCase(text.trim())) {
                return v;
            }
        }
        throw f.error("fidelity", "fidelity.bad", Excerpt.of(text));
    }

    private List<ProcessSpec> processes(Fields top) throws ScenarioException {
        top.require("processes");
        List<ProcessSpec> out = new ArrayList<>();
        for (Node n : top.array("processes")) {
            Fields f = Fields.open(n, "what.process", errors, "name", "handle", "killed");
            String name = f.requiredName("name");
            String handle = f.optionalName("handle", name);
            ProcessSpec p = new ProcessSpec(f.place(), name, handle, f.bool("killed", false));
            names.declare(handle, Kind.PROCESS, f.place(), handle);
            names.declare(p.rootVmarHandle(), Kind.VMAR, f.place(), handle);
            out.add(p);
        }
        if (out.isEmpty()) {
            throw top.error("processes", "processes.none");
        }
        return out;
    }

    private VmoSpec vmo(Node node) throws ScenarioException {
        Fields f = Fields.open(node, "what.vmo", errors, "name", "handle", "size", "resizable", "cachePolicy",
                "contents", "sizeAfterMapping");
        String name = f.requiredName("name");
        String handle = f.optionalName("handle", name);
        long size = f.quantity("size", Quantities.Kind.SIZE);
        long pageSize = roundUpToPage(size);
        List<ContentSpec> bytes = new ArrayList<>();
        for (Node n : f.array("contents")) {
            ContentSpec c = contents.parse(n);
            if (c.offset() > pageSize || c.length() > pageSize - c.offset()) {
                throw errors.at(c.place(), "contents.pastEnd", Quantities.hex(c.offset()), c.length(), Excerpt.of(name),
                        pageSize);
            }
            contentBytes += c.length();
            if (contentBytes > MAX_CONTENT_BYTES) {
                throw errors.at(c.place(), "contents.tooMuch");
            }
            bytes.add(c);
        }
        names.declare(handle, Kind.VMO, f.place(), null);
        return new VmoSpec(f.place(), name, handle, size, f.bool("resizable", false), cachePolicy(f), bytes, false,
                f.optionalQuantity("sizeAfterMapping", Quantities.Kind.SIZE), f.placeOf("sizeAfterMapping"));
    }

    private CachePolicy cachePolicy(Fields f) throws ScenarioException {
        String text = f.optionalString("cachePolicy", "CACHED");
        String upper = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (upper.startsWith("ZX_CACHE_POLICY_")) {
            upper = upper.substring("ZX_CACHE_POLICY_".length());
        }
        for (CachePolicy p : CachePolicy.values()) {
            if (p.name().equals(upper)) {
                return p;
            }
        }
        throw f.error("cachePolicy", "cachePolicy.bad", Excerpt.of(text));
    }

    private VmarSpec vmar(Node node) throws ScenarioException {
        Fields f = Fields.open(node, "what.vmar", errors, "name", "parent", "address", "offset", "size", "canMap");
        String name = f.requiredName("name");
        String parentName = f.requiredName("parent");
        Entry parent = names.resolve(Text.verbatim("VMAR"), parentName, f.placeOf("parent"), Kind.PROCESS, Kind.VMAR);
        f.atMostOne("what.vmar", "address", "offset");
        Long address = f.optionalQuantity("address", Quantities.Kind.ADDRESS);
        Long offset = f.optionalQuantity("offset", Quantities.Kind.OFFSET);
        long size = f.quantity("size", Quantities.Kind.SIZE);
        f.require("canMap");
        int options = 0;
        for (Node flag : f.stringArray("canMap")) {
            options |= canMapFlag(flag);
        }
        if (address != null || offset != null) {
            options |= VmOptions.SPECIFIC;
        }
        names.declare(name, Kind.VMAR, f.place(), parent.process());
        return new VmarSpec(f.place(), name, vmarHandle(parentName, parent), parent.process(),
                address, offset, f.placeOf(address != null ? "address" : "offset"), size, options);
    }

    private int canMapFlag(Node flag) throws ScenarioException {
        String upper = flag.text().trim().toUpperCase(Locale.ROOT);
        if (upper.startsWith("ZX_VM_")) {
            upper = upper.substring("ZX_VM_".length());
        }
        if (upper.startsWith("CAN_MAP_")) {
            upper = upper.substring("CAN_MAP_".length());
        }
        switch (upper) {
            case "READ": return VmOptions.CAN_MAP_READ;
            case "WRITE": return VmOptions.CAN_MAP_WRITE;
            case "EXECUTE": return VmOptions.CAN_MAP_EXECUTE;
            case "SPECIFIC": return VmOptions.CAN_MAP_SPECIFIC;
            default:
                throw errors.at(flag.place, "canMap.bad", flag.shown());
        }
    }

    private MappingSpec mapping(Node node) throws ScenarioException {
        Fields f = Fields.open(node, "what.mapping", errors, "in", "address", "offset", "vmo", "vmoOffset", "length",
                "perms");
        String in = f.requiredName("in");
        Entry target = names.resolve(ScenarioWords.of("who.mapping"), in, f.placeOf("in"), Kind.PROCESS, Kind.VMAR);
        String vmoHandle = f.requiredName("vmo");
        names.resolve(ScenarioWords.of("who.mapping"), vmoHandle, f.placeOf("vmo"), Kind.VMO);
        VmoSpec vmo = vmosByHandle.get(vmoHandle);
        f.atMostOne("what.mapping", "address", "offset");
        Long address = f.optionalQuantity("address", Quantities.Kind.ADDRESS);
        Long offset = f.optionalQuantity("offset", Quantities.Kind.OFFSET);
        long vmoOffset = f.has("vmoOffset") ? f.quantity("vmoOffset", Quantities.Kind.OFFSET) : 0;
        long length;
        if (f.has("length")) {
            length = f.quantity("length", Quantities.Kind.SIZE);
        } else {
            length = roundUpToPage(vmo.size()) - vmoOffset;
            if (length <= 0) {
                throw f.error("vmoOffset", "mapping.offsetPastEnd", Quantities.hex(vmoOffset),
                        Excerpt.of(vmo.name()));
            }
        }
        String permText = f.requiredString("perms");
        int perms = VmOptions.parsePerms(permText);
        if (perms < 0 || permText.isBlank()) {
            throw f.error("perms", "perms.bad", Excerpt.of(permText));
        }
        if ((perms & VmOptions.PERM_EXECUTE) != 0 && !vmo.executable()) {
            vmosByHandle.put(vmoHandle, withExecutable(vmo));
        }
        return new MappingSpec(f.place(), vmarHandle(in, target), target.process(), address, offset,
                f.placeOf(address != null ? "address" : "offset"), vmoHandle, vmoOffset, length, perms);
    }

    private HandleSpec handle(Node node) throws ScenarioException {
        Fields f = Fields.open(node, "what.handle", errors, "name", "duplicate", "rights");
        String name = f.requiredName("name");
        String original = f.requiredName("duplicate");
        Entry e = names.resolve(ScenarioWords.of("who.handle"), original, f.placeOf("duplicate"), Kind.PROCESS, Kind.VMAR, Kind.VMO);
        f.require("rights");
        int rights = Rights.NONE;
        for (Node r : f.stringArray("rights")) {
            int bit = Rights.parse(r.text());
            if (bit == -1) {
                String guess = Spelling.closest(r.text().toUpperCase(Locale.ROOT), Rights.names(~0 & ~Rights.SAME_RIGHTS));
                throw guess != null ? errors.at(r.place, "right.unknownGuess", r.shown(), guess)
                        : errors.at(r.place, "right.unknown", r.shown());
            }
            rights |= bit;
        }
        names.declare(name, e.kind(), f.place(), e.process());
        return new HandleSpec(f.place(), name, original, rights);
    }

    /** The handle name of the VMAR a reference means: a process stands for its root VMAR. */
    private static String vmarHandle(String reference, Entry entry) {
        return entry.kind() == Kind.PROCESS ? reference + ".root" : reference;
    }

    private static VmoSpec withExecutable(VmoSpec v) {
        return new VmoSpec(v.place(), v.name(), v.handle(), v.size(), v.resizable(), v.cachePolicy(), v.contents(),
                true, v.sizeAfterMapping(), v.resizePlace());
    }

    private static long roundUpToPage(long size) {
        long rounded = (size + Kernel.PAGE_SIZE - 1) & -Kernel.PAGE_SIZE;
        return rounded < size ? Long.MAX_VALUE & -Kernel.PAGE_SIZE : rounded;
    }
}
