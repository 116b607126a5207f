package org.homestretch.catalog.photo;

import org.homestretch.catalog.CatalogException;
import org.homestretch.catalog.Exercise;
import org.homestretch.catalog.ExerciseId;
import org.homestretch.catalog.ExerciseRepository;
import org.homestretch.image.ImageException;
import org.homestretch.image.ImageKind;
import org.homestretch.image.UploadedImages;
import org.homestretch.security.CurrentUser;
import org.homestretch.security.SignedInUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import javax.imageio.ImageIO;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The optional photo of a clinic's own exercise: PNG, JPEG or WebP up to 5 MB, checked by its
 * content, stored as a metadata-free sRGB JPEG of at most 1600 pixels on the long side (what
 * the detail page shows and what handouts can embed cheaply). Built-in exercises have none.
 * The checks are the shared ones of {@link UploadedImages}.
 */
@Service
public class ExercisePhotos {

    static final String FIELD = "photo";
    /** PNG, JPEG or WebP, up to 5 MB: a phone photo fits, the pixel limit is {@link UploadedImages#MAX_PIXELS}. */
    static final ImageKind PHOTO = new ImageKind(FIELD, 5 * 1024 * 1024, true, "photo");

    private final ExerciseRepository exercises;
    private final ExercisePhotoRepository photos;
    private final CurrentUser currentUser;
    private final Clock clock;

    ExercisePhotos(ExerciseRepository exercises, ExercisePhotoRepository photos, CurrentUser currentUser, Clock clock) {
        this.exercises = exercises;
        this.photos = photos;
        this.currentUser = currentUser;
        this.clock = clock;
        // ImageIO finds reader plug-ins (WebP) through the class loader of whichever thread
        // touches it first; scanning here, at start-up, makes that the application's loader.
        ImageIO.scanForPlugins();
    }

    /** A stored photo: always {@code image/jpeg}. The array is the stored copy; don't change it. */
    public record Photo(String mediaType, byte[] content, Instant uploadedAt) {
    }

    /**
     * Checks, re-encodes and stores the photo of one of the clinic's own exercises, replacing
     * any earlier one. Not one transaction: decoding can take a moment and holds no connection;
     * the single upsert checks the clinic again.
     *
     * @throws CatalogException (field {@code photo}) with a message for the user when refused
     */
    public void upload(ExerciseId id, byte[] bytes) {
        SignedInUser user = currentUser.require();
        requireOwn(user, id);
        byte[] jpeg;
        try {
            jpeg = UploadedImages.toJpeg(bytes, PHOTO);
        } catch (ImageException e) {
            throw new CatalogException(e.field(), e.getMessage());
        }
        if (!photos.save(user.clinicId(), id, UploadedImages.MEDIA_TYPE, jpeg, clock.instant())) {
            throw new CatalogException(FIELD, "This exercise no longer exists.");
        }
    }

    /** Removes the photo of one of the clinic's own exercises; nothing happens if it has none. */
    @Transactional
    public void remove(ExerciseId id) {
        SignedInUser user = currentUser.require();
        requireOwn(user, id);
        photos.delete(user.clinicId(), id);
    }

    /** The photo, if the exercise is the caller's clinic's own and has one. */
    @Transactional(readOnly = true)
    public Optional<Photo> find(ExerciseId id) {
        SignedInUser user = currentUser.require();
        return photos.find(user.clinicId(), id);
    }

    private void requireOwn(SignedInUser user, ExerciseId id) {
        Exercise exercise = exercises.findById(user.clinicId(), user.userId(), id)
                .orElseThrow(() -> new CatalogException(FIELD, "This exercise no longer exists."));
        if (exercise.builtIn()) {
            throw new CatalogException(FIELD,
                    "Built-in exercises cannot have a photo. Duplicate the exercise to add your own.");
        }
    }
}
