package org.libvep;

import com.sun.jna.Callback;
import com.sun.jna.IntegerType;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.PointerByReference;

/**
 * The C functions of libvep (vep.h), mapped by JNA.  Every string goes to
 * C as a byte array this binding encoded in UTF-8 itself (NUL-terminated
 * where C takes a C string, with its length where C takes one), and every
 * string C returns is a Pointer read as UTF-8, so JNA's default encoding
 * never matters.  Package-private: callers use Engine and its objects.
 */
interface LibVep extends Library {

    /**
     * C's size_t: as wide as the platform's, unsigned.  Nested here so that
     * it is public to JNA (which instantiates it) without being API.
     */
    final class SizeT extends IntegerType {
        private static final long serialVersionUID = 1L;

        /** Zero; JNA needs this constructor to read values back. */
        public SizeT() {
            this(0);
        }

        /** The value {@code value}. */
        public SizeT(long value) {
            super(Native.SIZE_T_SIZE, value, true);
        }
    }

    /** vep_engine_options, version 1; built in binding memory. */
    @Structure.FieldOrder({"version", "memory_limit", "instruction_limit",
                           "time_limit_ms", "allocator"})
    final class EngineOptions extends Structure {
        public int version;
        public SizeT memory_limit = new SizeT();
        public long instruction_limit;
        public int time_limit_ms;
        public Pointer allocator;
    }

    /** vep_plan_options, version 1; the strings are UTF-8 Memory. */
    @Structure.FieldOrder({"version", "agency", "language"})
    final class PlanOptions extends Structure {
        public int version;
        public Pointer agency;
        public Pointer language;
    }

    /** vep_host_callback: int (*)(void *user_data, vep_host_call *call). */
    interface HostCallback extends Callback {
        int invoke(Pointer userData, Pointer call);
    }

    int ENGINE_OPTIONS_VERSION = 1;
    int PLAN_OPTIONS_VERSION = 1;

    Pointer vep_version_string();
    int vep_version_number();
    Pointer vep_strerror(int status);
    Pointer vep_status_name(int status);
    void vep_free(Pointer ptr);

    int vep_engine_options_init(EngineOptions opts, int version);
    int vep_engine_new(PointerByReference out, EngineOptions opts);
    void vep_engine_free(Pointer engine);
    Pointer vep_engine_errmsg(Pointer engine);
    SizeT vep_diag_count(Pointer engine);
    int vep_diag_json(PointerByReference out, Pointer engine);

    int vep_instrument_load_file(PointerByReference out, Pointer engine, byte[] path);
    int vep_instrument_load_buffer(PointerByReference out, Pointer engine, byte[] name,
                                   byte[] source, SizeT length);
    void vep_instrument_free(Pointer instrument);
    Pointer vep_instrument_id(Pointer instrument);
    Pointer vep_instrument_version(Pointer instrument);
    Pointer vep_instrument_sha256(Pointer instrument);
    int vep_instrument_describe(PointerByReference out, Pointer instrument, byte[] lang);
    int vep_instrument_schema(PointerByReference out, Pointer instrument);
    int vep_score(PointerByReference out, Pointer instrument, byte[] json, SizeT length);
    int vep_validate(Pointer instrument, byte[] json, SizeT length);
    int vep_instrument_run_tests(PointerByReference out, Pointer outFailed,
                                 Pointer instrument);
    int vep_instrument_lint(PointerByReference out, Pointer outCount,
                            Pointer instrument);

    int vep_plan_load_file(PointerByReference out, Pointer engine, byte[] path);
    int vep_plan_load_buffer(PointerByReference out, Pointer engine, byte[] name,
                             byte[] source, SizeT length);
    void vep_plan_free(Pointer plan);
    Pointer vep_plan_id(Pointer plan);
    Pointer vep_plan_version(Pointer plan);
    Pointer vep_plan_sha256(Pointer plan);
    Pointer vep_plan_instrument(Pointer plan);
    int vep_plan_evaluate(PointerByReference out, Pointer plan, byte[] result,
                          SizeT resultLength, byte[] context, SizeT contextLength,
                          PlanOptions options);
    int vep_assess(PointerByReference out, Pointer instrument, Pointer plan,
                   byte[] assessment, SizeT assessmentLength, byte[] context,
                   SizeT contextLength, PlanOptions options);
    int vep_plan_run_tests(PointerByReference out, Pointer outFailed,
                           Pointer plan);
    int vep_plan_lint(PointerByReference out, Pointer outCount, Pointer plan);
    int vep_plan_describe(PointerByReference out, Pointer plan, byte[] lang);

    int vep_migration_load_file(PointerByReference out, Pointer engine, byte[] path);
    int vep_migration_load_buffer(PointerByReference out, Pointer engine, byte[] name,
                                  byte[] source, SizeT length);
    void vep_migration_free(Pointer migration);
    Pointer vep_migration_id(Pointer migration);
    Pointer vep_migration_version(Pointer migration);
    Pointer vep_migration_sha256(Pointer migration);
    int vep_migrate(PointerByReference out, Pointer migration, byte[] json, SizeT length);

    int vep_host_register_callback(Pointer engine, byte[] name, byte[] signature,
                                   HostCallback callback, Pointer userData);
    int vep_host_list(PointerByReference out, Pointer engine);
    Pointer vep_host_call_name(Pointer call);
    SizeT vep_host_call_argc(Pointer call);
    int vep_host_call_arg_bool(Pointer call, SizeT index);
    long vep_host_call_arg_int64(Pointer call, SizeT index);
    double vep_host_call_arg_double(Pointer call, SizeT index);
    Pointer vep_host_call_arg_string(Pointer call, SizeT index);
    int vep_host_call_return_bool(Pointer call, int value);
    int vep_host_call_return_int64(Pointer call, long value);
    int vep_host_call_return_double(Pointer call, double value);
    int vep_host_call_return_string(Pointer call, byte[] value);
    int vep_host_call_fail(Pointer call, byte[] message);
}
