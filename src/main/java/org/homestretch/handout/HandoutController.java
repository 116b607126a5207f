package org.homestretch.handout;

import org.homestretch.program.ProgramVersionId;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.UUID;

/**
 * {@code GET /handouts/{programVersionId}.pdf}. Anonymous callers never get here: the security
 * chain sends them to the login page. Unknown, malformed and other clinics' ids all answer a
 * bare 404, so the answer never tells whether a record exists elsewhere.
 */
@Controller
class HandoutController {

    private final HandoutService handouts;

    HandoutController(HandoutService handouts) {
        this.handouts = handouts;
    }

    @GetMapping("/handouts/{id}.pdf")
    ResponseEntity<byte[]> handout(@PathVariable("id") String id,
                                   @RequestParam(name = "largePrint", defaultValue = "false") boolean largePrint,
                                   @RequestParam(name = "log", defaultValue = "false") boolean log) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return notFound();
        }
        Handout handout;
        try {
            handout = handouts.render(new ProgramVersionId(uuid), new HandoutOptions(largePrint, log));
        } catch (HandoutNotFoundException e) {
            return notFound();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(handout.fileName()).build().toString())
                // A patient's handout must not stay in shared or browser caches.
                .cacheControl(CacheControl.noStore())
                .body(handout.pdf());
    }

    private static ResponseEntity<byte[]> notFound() {
        return ResponseEntity.notFound().cacheControl(CacheControl.noStore()).build();
    }
}
