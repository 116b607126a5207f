package org.homestretch.program;

import org.homestretch.patient.PatientId;
import org.homestretch.security.CurrentUser;
import org.homestretch.security.SignedInUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The program editor's unsaved edits, kept in the database as they are made, so that an
 * automatic logoff, a revoked session or a closed tab does not lose them. Each person sees only
 * their own draft, for a patient of their own clinic; saving or discarding removes it.
 */
@Service
class ProgramDrafts {

    private static final Logger LOG = LoggerFactory.getLogger(ProgramDrafts.class);

    /** Edits kept for a patient, made on top of {@code baseVersion}. */
    record Kept(int baseVersion, List<ProgramItem> items, Instant savedAt) {
    }

    private final ProgramDraftRepository drafts;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    ProgramDrafts(ProgramDraftRepository drafts, CurrentUser currentUser, Clock clock) {
        this.drafts = drafts;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional
    public void keep(PatientId patientId, int baseVersion, List<ProgramItem> items) {
        SignedInUser user = currentUser.require();
        drafts.upsert(user.clinicId(), user.userId(), patientId, baseVersion,
                json.writeValueAsString(items.toArray(ProgramItem[]::new)), clock.instant());
    }

    @Transactional(readOnly = true)
    public Optional<Kept> find(PatientId patientId) {
        SignedInUser user = currentUser.require();
        return drafts.find(user.clinicId(), user.userId(), patientId).flatMap(row -> {
            try {
                List<ProgramItem> items = Arrays.asList(json.readValue(row.items(), ProgramItem[].class));
                return Optional.of(new Kept(row.baseVersion(), List.copyOf(items), row.savedAt()));
            } catch (JacksonException e) {
                // Written by an older version of the app: nothing to offer. No content in the log.
                LOG.warn("Ignored an unreadable program draft: {}", e.getClass().getSimpleName());
                return Optional.empty();
            }
        });
    }

    @Transactional
    public void forget(PatientId patientId) {
        SignedInUser user = currentUser.require();
        drafts.delete(user.clinicId(), user.userId(), patientId);
    }
}
