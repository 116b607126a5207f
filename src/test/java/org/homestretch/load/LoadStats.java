package org.homestretch.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** Times and errors per request type, collected from many threads; printed as one table. */
final class LoadStats {

    private static final class Type {
        final ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        final AtomicInteger errors = new AtomicInteger();
        final ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();
    }

    private final Map<String, Type> types = new ConcurrentHashMap<>();
    private final List<String> order = new ArrayList<>();

    /** Declares the types in the order the table lists them. */
    LoadStats(String... names) {
        for (String name : names) {
            types.put(name, new Type());
            order.add(name);
        }
    }

    void ok(String type, long nanos) {
        types.get(type).nanos.add(nanos);
    }

    /** An error of this type; the first few messages are kept to say why. */
    void error(String type, long nanos, String why) {
        Type t = types.get(type);
        t.nanos.add(nanos);
        if (t.errors.incrementAndGet() <= 5) {
            t.samples.add(why);
        }
    }

    int errors() {
        return types.values().stream().mapToInt(t -> t.errors.get()).sum();
    }

    int count(String type) {
        return types.get(type).nanos.size();
    }

    void print(double seconds) {
        System.out.printf(Locale.ROOT, "| %-52s | %6s | %7s | %9s | %9s | %9s | %6s |%n", "request type", "count",
                "per s", "median ms", "p95 ms", "max ms", "errors");
        System.out.printf(Locale.ROOT, "|%s|%s|%s|%s|%s|%s|%s|%n", "-".repeat(54), "-".repeat(8), "-".repeat(9),
                "-".repeat(11), "-".repeat(11), "-".repeat(11), "-".repeat(8));
        for (String name : order) {
            Type t = types.get(name);
            long[] sorted = t.nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            if (sorted.length == 0) {
                System.out.printf(Locale.ROOT, "| %-52s | %6d | %7s | %9s | %9s | %9s | %6d |%n", name, 0, "-", "-", "-",
                        "-", t.errors.get());
                continue;
            }
            System.out.printf(Locale.ROOT, "| %-52s | %6d | %7.2f | %9.1f | %9.1f | %9.1f | %6d |%n", name,
                    sorted.length, sorted.length / seconds, ms(sorted[(sorted.length - 1) / 2]),
                    ms(sorted[(int) Math.ceil(sorted.length * 0.95) - 1]), ms(sorted[sorted.length - 1]), t.errors.get());
        }
        for (String name : order) {
            for (String sample : types.get(name).samples) {
                System.out.println("  error in " + name + ": " + sample);
            }
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
