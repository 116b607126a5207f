package org.homestretch.catalog;

import org.homestretch.base.UserText;

import java.util.Set;

/**
 * What a therapist asks the catalog: free text plus filters that all apply together.
 * Within one multi-choice filter (body areas, equipment) any chosen value matches.
 */
public record CatalogQuery(
        String text,
        Set<BodyArea> bodyAreas,
        Position position,
        Set<Equipment> equipment,
        boolean inBedOnly,
        BestTime time,
        Scope scope) {

    /** Which exercises to list. */
    public enum Scope {
        ALL("All"), BUILT_IN("Built-in"), CUSTOM("Our clinic's"), FAVOURITES("Favourites"), ARCHIVED("Archived");

        private final String label;

        Scope(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public CatalogQuery {
        text = UserText.searchable(text);
        bodyAreas = bodyAreas == null ? Set.of() : Set.copyOf(bodyAreas);
        equipment = equipment == null ? Set.of() : Set.copyOf(equipment);
        scope = scope == null ? Scope.ALL : scope;
    }

    public static CatalogQuery text(String text) {
        return new CatalogQuery(text, Set.of(), null, Set.of(), false, null, Scope.ALL);
    }

    public static CatalogQuery all() {
        return text("");
    }
}
