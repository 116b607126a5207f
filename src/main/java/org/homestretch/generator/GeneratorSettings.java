package org.homestretch.generator;

/**
 * How much {@code generate-data} writes. Options look like {@code --patients=500}; any other
 * {@code --name=value} is a Spring setting (the database URL) and is left alone.
 */
record GeneratorSettings(int clinics, int therapists, int patients, int exercises, int days, long seed) {

    static final GeneratorSettings DEFAULTS = new GeneratorSettings(20, 200, 10_000, 10_000, 365, 1);

    GeneratorSettings {
        check("clinics", clinics, 1, 99);
        check("therapists", therapists, clinics, 10_000);
        check("patients", patients, clinics, 1_000_000);
        check("exercises", exercises, 0, 17_000);
        check("days", days, 1, 3_650);
    }

    static GeneratorSettings parse(String[] args) {
        GeneratorSettings s = DEFAULTS;
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                continue;
            }
            String name = arg.substring(2, arg.indexOf('='));
            String value = arg.substring(arg.indexOf('=') + 1);
            s = switch (name) {
                case "clinics" -> new GeneratorSettings(number(name, value), s.therapists, s.patients, s.exercises, s.days, s.seed);
                case "therapists" -> new GeneratorSettings(s.clinics, number(name, value), s.patients, s.exercises, s.days, s.seed);
                case "patients" -> new GeneratorSettings(s.clinics, s.therapists, number(name, value), s.exercises, s.days, s.seed);
                case "exercises" -> new GeneratorSettings(s.clinics, s.therapists, s.patients, number(name, value), s.days, s.seed);
                case "days" -> new GeneratorSettings(s.clinics, s.therapists, s.patients, s.exercises, number(name, value), s.seed);
                case "seed" -> new GeneratorSettings(s.clinics, s.therapists, s.patients, s.exercises, s.days, number(name, value));
                default -> s;
            };
        }
        return s;
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a whole number, not \"" + value + "\".");
        }
    }

    private static void check(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("--" + name + " must be from " + min + " to " + max + ", not " + value + ".");
        }
    }

    @Override
    public String toString() {
        return clinics + " clinics, " + therapists + " therapists, " + patients + " patients, " + exercises
                + " exercises, " + days + " days of check-ins, seed " + seed;
    }
}
