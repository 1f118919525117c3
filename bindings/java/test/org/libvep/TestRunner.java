package org.libvep;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The binding's own test runner (no JUnit): every method named test* of
 * the classes below is one test, run in name order on a fresh instance.
 * A test fails by throwing; Assert.skip() skips it.  Prints one line per
 * test and a summary, and exits 1 when any test failed.
 *
 * <p>Usage: java -cp jna.jar:classes org.libvep.TestRunner REPO [FILTER].
 * The library comes from VEP_LIBRARY (the installed copy); the system
 * property vep.test.fake names a library that reports major version 1,
 * for the version check.  FILTER runs only tests whose name contains it.
 */
public final class TestRunner {
    private static final Class<?>[] CLASSES = {
        JsonTest.class, SignatureTest.class, EngineTest.class, InstrumentTest.class,
        PlanTest.class, ErrorTest.class, HostTest.class, VectorTest.class,
    };

    /** The repository root (instruments/, examples/, tests/vectors/). */
    static Path repo;

    private TestRunner() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: TestRunner REPO [FILTER]");
            System.exit(2);
        }
        repo = Path.of(args[0]).toAbsolutePath();
        if (!Files.isDirectory(repo.resolve("tests/vectors"))) {
            System.err.println("not the repository root: " + repo);
            System.exit(2);
        }
        String filter = args.length > 1 ? args[1] : null;
        int passed = 0, skipped = 0;
        List<String> failed = new ArrayList<>();
        for (Class<?> c : CLASSES) {
            Method[] methods = c.getDeclaredMethods();
            Arrays.sort(methods, Comparator.comparing(Method::getName));
            for (Method m : methods) {
                if (!m.getName().startsWith("test") || m.getParameterCount() != 0
                    || Modifier.isStatic(m.getModifiers()))
                    continue;
                String name = c.getSimpleName() + "." + m.getName();
                if (filter != null && !name.contains(filter))
                    continue;
                try {
                    Object o = c.getDeclaredConstructor().newInstance();
                    m.setAccessible(true);
                    m.invoke(o);
                    passed++;
                    System.out.println("ok    " + name);
                } catch (InvocationTargetException e) {
                    Throwable t = e.getCause();
                    if (t instanceof Assert.Skip) {
                        skipped++;
                        System.out.println("skip  " + name + ": " + t.getMessage());
                    } else {
                        failed.add(name);
                        System.out.println("FAIL  " + name + ": " + t);
                        for (StackTraceElement el : t.getStackTrace()) {
                            if (el.getClassName().startsWith("org.libvep"))
                                System.out.println("        at " + el);
                        }
                        if (t.getCause() != null)
                            System.out.println("        caused by " + t.getCause());
                    }
                }
            }
        }
        System.out.println(passed + " passed, " + failed.size() + " failed, " + skipped
                           + " skipped");
        for (String f : failed)
            System.out.println("failed: " + f);
        System.exit(failed.isEmpty() ? 0 : 1);
    }
}
