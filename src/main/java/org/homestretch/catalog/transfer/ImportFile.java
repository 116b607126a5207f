package org.homestretch.catalog.transfer;

import org.homestretch.catalog.CatalogException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Locale;

/**
 * The checks of an import file as a whole, before any exercise in it is looked at. The caps
 * bound the work one upload can cause: a clinic's whole catalog (a few hundred exercises, about
 * 1 KB each) fits many times over, while a file of 14,000 exercises is refused at once.
 */
final class ImportFile {

    /** 2,000 exercises of up to 5 KB each, which is far more text than a real exercise has. */
    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final int MAX_EXERCISES = 2_000;

    private ImportFile() {
    }

    /** The list of exercises, or a refusal of the whole file saying plainly what is wrong with it. */
    static JsonNode exercises(JsonMapper json, byte[] file) {
        if (file == null || file.length == 0) {
            throw refused("The file is empty.");
        }
        if (file.length > MAX_BYTES) {
            throw refused("The file is larger than 10 MB, which is more than an export of exercises ever is. "
                    + "Check that you chose the right file.");
        }
        JsonNode root;
        try {
            root = json.readTree(file);
        } catch (JacksonException e) {
            throw refused("This file is not a HomeStretch exercise file: it is not valid JSON. "
                    + "Choose a file made with \"Download exercises\".");
        }
        if (root == null || !root.isObject() || !CatalogTransfer.FORMAT.equals(root.path("format").stringValue(null))) {
            throw refused("This file is not a HomeStretch exercise file: it should say \"format\": \"" + CatalogTransfer.FORMAT
                    + "\". Choose a file made with \"Download exercises\".");
        }
        JsonNode version = root.path("version");
        if (!version.isIntegralNumber() || !version.canConvertToInt()) {
            throw refused("The file has no format version, so it cannot be read safely.");
        }
        if (version.intValue() != CatalogTransfer.VERSION) {
            throw refused("The file has format version " + version.intValue() + ", but this HomeStretch reads "
                    + "version " + CatalogTransfer.VERSION + (version.intValue() > CatalogTransfer.VERSION
                    ? ". It was probably made by a newer HomeStretch: update this one first." : "."));
        }
        JsonNode list = root.path("exercises");
        if (!list.isArray()) {
            throw refused("The file has no list of exercises (\"exercises\": [ ... ]).");
        }
        if (list.size() > MAX_EXERCISES) {
            throw refused(String.format(Locale.ROOT, "The file holds %,d exercises, but one import takes at most %,d. "
                    + "Check that you chose the right file, or ask for it to be split into smaller files.",
                    list.size(), MAX_EXERCISES));
        }
        return list;
    }

    private static CatalogException refused(String message) {
        return new CatalogException(null, message);
    }
}
