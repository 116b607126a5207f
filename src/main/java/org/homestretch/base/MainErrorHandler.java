package org.homestretch.base;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * One place for unexpected errors in the UI: the user sees a calm message with a reference,
 * the log gets the exception's type and place under the same reference ({@link ErrorReference}), and the
 * session keeps working.
 */
@Component
class MainErrorHandler implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(MainErrorHandler.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(new Handler()));
    }

    private static final class Handler implements ErrorHandler {
        @Override
        public void error(ErrorEvent event) {
            Throwable error = event.getThrowable();
            String message;
            if (hasCause(error, AccessDeniedException.class)) {
                log.warn("Access denied in the UI: {}", ErrorReference.describe(error));
                message = "You do not have access to that.";
            } else if (DatabaseUnreachable.causedBy(error)) {
                // Only a notification: the view and everything typed in it stay as they are.
                log.warn("Database not reachable in the UI: {}", error.getClass().getSimpleName());
                message = "The database is not reachable; nothing you entered is lost — try again in a moment.";
            } else {
                String reference = ErrorReference.log(log, "the UI", error);
                message = "Something went wrong and your last action may not have been saved. "
                        + "Please try again. If it happens again, tell your admin: reference " + reference + ".";
            }
            UI ui = UI.getCurrent();
            if (ui != null) {
                ui.access(() -> {
                    Notification notification = Notification.show(message, 8000, Notification.Position.TOP_CENTER);
                    notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
                });
            }
        }

        private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
            for (Throwable t = error; t != null; t = t.getCause()) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
            return false;
        }
    }
}
