package org.homestretch.catalog.photo;

import org.homestretch.catalog.Exercise;
import org.homestretch.catalog.ExerciseId;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import java.io.ByteArrayInputStream;

/**
 * An exercise's photo as an {@code <img>}. The bytes are not kept in the session: the browser
 * fetches them, and each fetch goes through the clinic-scoped {@link ExercisePhotos#find}.
 */
public final class ExercisePhotoImage extends Image {

    final DownloadHandler handler;

    public ExercisePhotoImage(ExercisePhotos photos, Exercise exercise) {
        this(handler(photos, exercise.id()), exercise);
    }

    private ExercisePhotoImage(DownloadHandler handler, Exercise exercise) {
        super(handler, "Photo: " + exercise.name());
        this.handler = handler;
        addClassName("hs-exercise-photo");
    }

    private static DownloadHandler handler(ExercisePhotos photos, ExerciseId id) {
        return DownloadHandler.fromInputStream(event -> photos.find(id)
                .map(photo -> new DownloadResponse(new ByteArrayInputStream(photo.content()), "exercise-photo.jpg",
                        photo.mediaType(), photo.content().length))
                .orElseGet(() -> DownloadResponse.error(HttpStatusCode.NOT_FOUND))).inline();
    }
}
