package org.homestretch.clinic;

import org.homestretch.audit.AuditAction;
import org.homestretch.audit.AuditLog;
import org.homestretch.image.ImageKind;
import org.homestretch.image.UploadedImages;
import org.homestretch.security.CurrentUser;
import org.homestretch.security.SignedInUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Optional;

/** The signed-in user's clinic logo: admins upload or remove it, everyone's handouts print it. */
@Service
public class ClinicLogos {

    public static final int MAX_BYTES = 1024 * 1024;
    public static final String FIELD = "logo";
    static final ImageKind LOGO = new ImageKind(FIELD, MAX_BYTES, false, "image");

    private final ClinicLogoRepository logos;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final AuditLog audit;

    ClinicLogos(ClinicLogoRepository logos, CurrentUser currentUser, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.logos = logos;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Checks and re-encodes the image (PNG or JPEG, at most 1 MB), then replaces the logo.
     *
     * @throws org.homestretch.image.ImageException with a message for the user when refused
     */
    @Transactional
    public void upload(byte[] bytes) {
        SignedInUser admin = requireAdmin();
        byte[] jpeg = UploadedImages.toJpeg(bytes, LOGO);
        logos.save(admin.clinicId(), jpeg, clock.instant());
        audit.record(AuditAction.CLINIC_SETTINGS_CHANGED, null, "logo uploaded");
    }

    @Transactional
    public void remove() {
        SignedInUser admin = requireAdmin();
        if (logos.delete(admin.clinicId())) {
            audit.record(AuditAction.CLINIC_SETTINGS_CHANGED, null, "logo removed");
        }
    }

    /** The logo as JPEG bytes, for the caller's own clinic only. */
    public Optional<byte[]> find() {
        return logos.find(currentUser.require().clinicId());
    }

    private SignedInUser requireAdmin() {
        SignedInUser user = currentUser.require();
        if (!user.isAdmin()) {
            throw new AccessDeniedException("Only an admin can change the clinic logo.");
        }
        return user;
    }
}
