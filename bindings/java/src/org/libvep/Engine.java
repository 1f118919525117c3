package org.libvep;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import org.libvep.LibVep.SizeT;

/**
 * An engine of libvep: the limits every script runs under, and the door to
 * loading instruments, plans and migrations.
 *
 * <p>Threads: an engine and everything loaded through it are used by one
 * thread at a time.  Every call takes the engine's lock, so calls from
 * several threads are serialised rather than mixed; for parallel work use
 * one engine per thread.
 *
 * <p>Lifetime: close() the engine and each object it loaded (try with
 * resources).  They may be closed in any order, and closing twice does
 * nothing.  An instrument, plan or migration keeps working after its
 * engine is closed; only the engine's own methods are refused then.
 */
public final class Engine implements AutoCloseable {
    private final Core core;

    /** An engine with the default limits and the default library. */
    public Engine() {
        this(builder());
    }

    /**
     * An engine with these limits (zero: libvep's default) and the default
     * library; the same as the builder's memoryLimit, instructionLimit and
     * timeLimitMs.
     */
    public Engine(long memoryLimit, long instructionLimit, long timeLimitMs) {
        this(builder().memoryLimit(memoryLimit).instructionLimit(instructionLimit)
                 .timeLimitMs(timeLimitMs));
    }

    /** The engine the builder describes; refused options are a VepException. */
    private Engine(Builder b) {
        LibVep lib = Vep.library(b.library);
        LibVep.EngineOptions opts = new LibVep.EngineOptions();
        int st = lib.vep_engine_options_init(opts, LibVep.ENGINE_OPTIONS_VERSION);
        if (st != Status.OK)
            throw Core.argument("vep_engine_options_init refused version "
                                + LibVep.ENGINE_OPTIONS_VERSION + ": "
                                + Core.utf8(lib.vep_strerror(st)));
        opts.version = LibVep.ENGINE_OPTIONS_VERSION;
        opts.memory_limit = new SizeT(b.memoryLimit);
        opts.instruction_limit = b.instructionLimit;
        opts.time_limit_ms = (int) b.timeLimitMs;
        opts.allocator = null;
        PointerByReference out = new PointerByReference();
        st = lib.vep_engine_new(out, opts);
        if (st != Status.OK) {
            String why = st == Status.ARGUMENT
                ? "the engine options were refused (a memory limit must be 0 or at least "
                  + (256 * 1024) + " bytes)"
                : Core.utf8(lib.vep_strerror(st));
            throw VepException.of(new VepException.Details(st, Core.utf8(lib.vep_status_name(st)),
                                                           why, List.of(), 0, null));
        }
        core = new Core(lib, out.getValue());
    }

    /** A builder of engines with other limits or another library. */
    public static Builder builder() {
        return new Builder();
    }

    /** The limits of a new engine; zero means libvep's default. */
    public static final class Builder {
        private long memoryLimit;
        private long instructionLimit;
        private long timeLimitMs;
        private Path library;

        /** The defaults: every limit libvep's, the default library. */
        private Builder() {
        }

        /** Bytes a script's Lua state may use (0: 64 MiB; else at least 256 KiB). */
        public Builder memoryLimit(long bytes) {
            if (bytes < 0)
                throw new IllegalArgumentException("memoryLimit must not be negative");
            memoryLimit = bytes;
            return this;
        }

        /** Lua VM instructions per script run (0: 100 million). */
        public Builder instructionLimit(long instructions) {
            if (instructions < 0)
                throw new IllegalArgumentException("instructionLimit must not be negative");
            instructionLimit = instructions;
            return this;
        }

        /** Wall-clock milliseconds per script run (0: 2000). */
        public Builder timeLimitMs(long ms) {
            if (ms < 0 || ms > 0xffffffffL)
                throw new IllegalArgumentException("timeLimitMs must be in 0..4294967295");
            timeLimitMs = ms;
            return this;
        }

        /** The libvep.so.0 to use, instead of VEP_LIBRARY or the system loader's. */
        public Builder library(Path path) {
            library = path;
            return this;
        }

        /** The engine. */
        public Engine build() {
            return new Engine(this);
        }
    }

    /** The engine's shared state; refuses a closed engine. */
    private Core open() {
        if (core.engineClosed)
            throw new IllegalStateException("the engine is closed");
        return core;
    }

    /** A C function that loads the script file at {@code path} (vep_KIND_load_file). */
    private interface LoadFile {
        int call(PointerByReference out, Pointer engine, byte[] path);
    }

    /** A C function that loads a script from memory (vep_KIND_load_buffer). */
    private interface LoadBuffer {
        int call(PointerByReference out, Pointer engine, byte[] name, byte[] source,
                 SizeT length);
    }

    /** Loads the script at {@code path} with {@code fn}; {@code wrap} owns what it made. */
    private <T> T load(Path path, LoadFile fn, BiFunction<Core, Pointer, T> wrap) {
        byte[] p = Core.cstr(path.toString(), "path");
        return core.locked(() -> {
            PointerByReference out = new PointerByReference();
            open().check(fn.call(out, core.engine, p));
            return wrap.apply(core, out.getValue());
        });
    }

    /** Loads a script from {@code source} with {@code fn}, as {@link #load} does a file. */
    private <T> T loadSource(String name, String source, LoadBuffer fn,
                             BiFunction<Core, Pointer, T> wrap) {
        byte[] n = Core.cstr(name, "name");
        byte[] s = Core.bytes(source);
        return core.locked(() -> {
            PointerByReference out = new PointerByReference();
            open().check(fn.call(out, core.engine, n, Core.buffer(s), new SizeT(s.length)));
            return wrap.apply(core, out.getValue());
        });
    }

    /** Loads and checks the instrument script at {@code path}. */
    public Instrument loadInstrument(Path path) {
        return load(path, core.lib::vep_instrument_load_file, Instrument::new);
    }

    /** Loads an instrument from {@code source}; {@code name} is used in messages. */
    public Instrument loadInstrumentSource(String name, String source) {
        return loadSource(name, source, core.lib::vep_instrument_load_buffer, Instrument::new);
    }

    /** Loads and checks the plan script at {@code path}. */
    public Plan loadPlan(Path path) {
        return load(path, core.lib::vep_plan_load_file, Plan::new);
    }

    /** Loads a plan from {@code source}; {@code name} is used in messages. */
    public Plan loadPlanSource(String name, String source) {
        return loadSource(name, source, core.lib::vep_plan_load_buffer, Plan::new);
    }

    /** Loads the migration script at {@code path}. */
    public Migration loadMigration(Path path) {
        return load(path, core.lib::vep_migration_load_file, Migration::new);
    }

    /** Loads a migration from {@code source}; {@code name} is used in messages. */
    public Migration loadMigrationSource(String name, String source) {
        return loadSource(name, source, core.lib::vep_migration_load_buffer, Migration::new);
    }

    /**
     * Scores the assessment and evaluates the plan on its result in one
     * call: {"result": {...}, "plan": {...}}, or with an agency only
     * {"plan": view}.  {@code agency} and {@code language} may be null.
     */
    public Map<String, Object> assess(Instrument instrument, Plan plan, String assessment,
                                      String context, String agency, String language) {
        return Json.parseObject(assessJson(instrument, plan, Core.bytes(assessment),
                                           Core.bytes(context), agency, language));
    }

    /** {@link #assess} for the whole plan in the plan's first language. */
    public Map<String, Object> assess(Instrument instrument, Plan plan, String assessment,
                                      String context) {
        return assess(instrument, plan, assessment, context, null, null);
    }

    /** {@link #assess}, as the exact bytes the library wrote. */
    public byte[] assessJson(Instrument instrument, Plan plan, String assessment, String context,
                             String agency, String language) {
        return assessJson(instrument, plan, Core.bytes(assessment), Core.bytes(context), agency,
                          language);
    }

    /** {@link #assess} on documents given as bytes, as the exact bytes written. */
    public byte[] assessJson(Instrument instrument, Plan plan, byte[] assessment, byte[] context,
                             String agency, String language) {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(plan, "plan");
        if (instrument.core != core || plan.core != core)
            throw Core.argument("the instrument and the plan must come from this engine");
        Memory ag = Core.memory(agency, "agency");
        Memory lang = Core.memory(language, "language");
        return core.locked(() -> {
            open();
            LibVep.PlanOptions opts = Plan.options(ag, lang);
            PointerByReference out = new PointerByReference();
            core.check(core.lib.vep_assess(out, instrument.handle(), plan.handle(),
                                           Core.buffer(assessment), new SizeT(assessment.length),
                                           Core.buffer(context), new SizeT(context.length),
                                           opts));
            return core.take(out);
        });
    }

    /**
     * Registers {@code fn} as the host function {@code name}, with
     * {@code signature} RETURN "(" TYPE [NAME], ... ")" (types bool, int64,
     * double, string; void as the return too).  Scripts that declare it
     * call it as host.NAME(...).  The function runs on the thread of the
     * call that ran the script, under the engine's lock; it must not call
     * back into this engine, and should return promptly (the engine's
     * limits do not stop it).  A bad name or signature, or a name
     * registered before, is a VepArgumentException.
     */
    public void registerHostFunction(String name, String signature, HostFunction fn) {
        Objects.requireNonNull(fn, "fn");
        byte[] n = Core.cstr(name, "name");
        byte[] s = Core.cstr(signature, "signature");
        HostSignature sig = HostSignature.parse(signature);
        core.locked(() -> {
            open();
            HostTrampoline t = new HostTrampoline(core, name, sig, fn);
            core.check(core.lib.vep_host_register_callback(core.engine, n, s, t, Pointer.NULL));
            core.callbacks.add(t);
            return null;
        });
    }

    /**
     * The registered host functions, in name order: each {"name",
     * "signature", "returns", "args": [{"type", "name"}], "form",
     * "string_result"} (vep_host_list).
     */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> hostFunctions() {
        return core.locked(() -> {
            open();
            PointerByReference out = new PointerByReference();
            core.check(core.lib.vep_host_list(out, core.engine));
            Object doc = Json.parse(core.take(out));
            List<Map<String, Object>> list = new ArrayList<>();
            for (Object o : (List<Object>) doc)
                list.add((Map<String, Object>) o);
            return list;
        });
    }

    /** Frees the engine (at once, or with the last object it loaded); again: nothing. */
    @Override
    public void close() {
        core.locked(() -> {
            if (!core.engineClosed) {
                core.engineClosed = true;
                core.lib.vep_engine_free(core.engine);
            }
            return null;
        });
    }

    /** Whether close() was called. */
    public boolean isClosed() {
        return core.engineClosed;
    }
}
