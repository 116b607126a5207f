package org.homestretch.clinic;

import org.homestretch.image.ImageKind;
import org.homestretch.image.UploadedImages;
import org.homestretch.security.CurrentUser;
import org.homestretch.security.SignedInUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/** The signed-in user's clinic logo: admins upload or remove it, everyone's handouts print it. */
@Service
public class ClinicLogos {

    public static final int MAX_BYTES = 1024 * 1024;
    public static final String FIELD = "logo";
    static final ImageKind LOGO = new ImageKind(FIELD, MAX_BYTES, false, "image");

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;

    ClinicLogos(JdbcClient jdbc, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Checks and re-encodes the image (PNG or JPEG, at most 1 MB), then replaces the logo.
     *
     * @throws org.homestretch.image.ImageException with a message for the user when refused
     */
    public void upload(byte[] bytes) {
        SignedInUser admin = requireAdmin();
        byte[] jpeg = UploadedImages.toJpeg(bytes, LOGO);
        jdbc.sql("""
                        insert into clinic_logo (clinic_id, media_type, content, uploaded_at)
                        values (:clinic, 'image/jpeg', :content, :now)
                        on conflict (clinic_id) do update set content = excluded.content,
                            media_type = excluded.media_type, uploaded_at = excluded.uploaded_at""")
                .param("clinic", admin.clinicId().value())
                .param("content", jpeg)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    public void remove() {
        SignedInUser admin = requireAdmin();
        jdbc.sql("delete from clinic_logo where clinic_id = :clinic").param("clinic", admin.clinicId().value()).update();
    }

    /** The logo as JPEG bytes, for the caller's own clinic only. */
    public Optional<byte[]> find() {
        return jdbc.sql("select content from clinic_logo where clinic_id = :clinic")
                .param("clinic", currentUser.require().clinicId().value())
                .query(byte[].class).optional();
    }

    private SignedInUser requireAdmin() {
        SignedInUser user = currentUser.require();
        if (!user.isAdmin()) {
            throw new AccessDeniedException("Only an admin can change the clinic logo.");
        }
        return user;
    }
}
