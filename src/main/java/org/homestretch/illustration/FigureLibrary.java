package org.homestretch.illustration;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in exercises' figures, read from {@code catalog/figures.json} (keyed by exercise slug)
 * and laid out once. A figure that cannot be drawn stops the start with its slug and the reason,
 * like a bad built-in exercise does.
 */
public final class FigureLibrary {

    public static final String RESOURCE = "/catalog/figures.json";

    record File(int version, Map<String, FigureSpec> figures) {
    }

    private final Map<String, Figure> figures;

    private FigureLibrary(Map<String, Figure> figures) {
        this.figures = Collections.unmodifiableMap(figures);
    }

    public static FigureLibrary load() {
        Map<String, Figure> figures = new LinkedHashMap<>();
        specs().forEach((slug, spec) -> {
            try {
                figures.put(slug, Figure.of(spec));
            } catch (PoseException e) {
                throw new IllegalStateException("Figure " + slug + " cannot be drawn: " + e.getMessage(), e);
            }
        });
        return new FigureLibrary(figures);
    }

    /** The file as written, before any pose is checked. Unknown fields are refused, so a typo never goes unnoticed. */
    static Map<String, FigureSpec> specs() {
        JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        try (InputStream in = FigureLibrary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE);
            }
            return json.readValue(in, File.class).figures();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<Figure> find(String slug) {
        return Optional.ofNullable(slug == null ? null : figures.get(slug));
    }

    /** Slug to figure, in the file's order. */
    public Map<String, Figure> all() {
        return figures;
    }
}
