package org.homestretch.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * "Still there?" two minutes before automatic logoff, in every signed-in page. A small timer in
 * the page asks the server how long the session has left ({@link SessionGuard#STATUS_PATH},
 * which does not count as activity) and opens a dialog near the end; its button, and any key
 * or click in the page (reported at most once a minute), tell the server the user is there.
 * When the time is up the page goes to the login page, which says why. The server decides on
 * its own whether a session is idle; the timer only warns and follows.
 */
@Component
class IdleWarning implements VaadinServiceInitListener {

    static final Duration WARNING = Duration.ofMinutes(2);
    static final String STILL_HERE_EVENT = "hs-still-here";

    private final CurrentUser currentUser;
    private final SessionRepository sessions;

    IdleWarning(CurrentUser currentUser, SessionRepository sessions) {
        this.currentUser = currentUser;
        this.sessions = sessions;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> currentUser.find()
                .flatMap(user -> sessions.state(user.userId()))
                .ifPresent(state -> install(init.getUI(), Duration.ofMinutes(state.idleMinutes()))));
    }

    private static void install(UI ui, Duration timeout) {
        // The request itself is the activity; nothing to do with the event.
        ui.getElement().addEventListener(STILL_HERE_EVENT, event -> { });
        String statusUrl = ui.getInternals().getContextRootRelativePath() + SessionGuard.STATUS_PATH.substring(1);
        ui.getElement().executeJs(SCRIPT, statusUrl, WARNING.toSeconds(), timeout.toSeconds());
    }

    private static final String SCRIPT = """
            const body = this, statusUrl = $0, warnSeconds = $1;
            let timer = 0, ticker = 0, deadline = 0, dialog = null, lastReport = Date.now();
            const stillHere = () => {
              lastReport = Date.now();
              body.dispatchEvent(new CustomEvent('%1$s'));
            };
            const schedule = seconds => {
              clearTimeout(timer);
              timer = setTimeout(check, Math.max(1, seconds) * 1000);
            };
            const left = () => {
              const seconds = Math.max(0, Math.round((deadline - Date.now()) / 1000));
              return Math.floor(seconds / 60) + ':' + String(seconds %% 60).padStart(2, '0');
            };
            const hide = () => {
              clearInterval(ticker);
              if (dialog) dialog.opened = false;
            };
            const show = () => {
              if (!dialog) {
                dialog = document.createElement('vaadin-dialog');
                dialog.classList.add('hs-still-there');
                dialog.headerTitle = 'Still there?';
                dialog.noCloseOnOutsideClick = true;
                dialog.noCloseOnEsc = true;
                dialog.setAttribute('aria-label', 'Still there?');
                dialog.renderer = root => {
                  if (!root.firstChild) root.appendChild(document.createElement('p'));
                  root.firstChild.textContent = 'To keep patient records safe, you will be signed out in ' + left()
                      + '. Anything you saved is kept.';
                };
                dialog.footerRenderer = root => {
                  if (root.firstChild) return;
                  const stay = document.createElement('vaadin-button');
                  stay.setAttribute('theme', 'primary');
                  stay.textContent = 'Stay signed in';
                  stay.addEventListener('click', () => { stillHere(); hide(); schedule(3); });
                  root.appendChild(stay);
                };
                document.body.appendChild(dialog);
              }
              dialog.opened = true;
              clearInterval(ticker);
              ticker = setInterval(() => dialog.requestContentUpdate(), 1000);
              dialog.requestContentUpdate();
            };
            const check = async () => {
              let answer;
              try {
                const response = await fetch(statusUrl, {credentials: 'same-origin', cache: 'no-store'});
                answer = await response.json();
              } catch (offline) {
                schedule(30);
                return;
              }
              if (answer.signIn) {
                location.assign(answer.signIn);
                return;
              }
              deadline = Date.now() + answer.remaining * 1000;
              if (answer.remaining <= warnSeconds) {
                show();
                schedule(answer.remaining + 1);
              } else {
                hide();
                schedule(answer.remaining - warnSeconds);
              }
            };
            // Typing or clicking is activity even when it sends nothing to the server yet.
            const input = () => { if (Date.now() - lastReport > 60000) stillHere(); };
            ['keydown', 'pointerdown', 'wheel', 'touchstart'].forEach(type =>
                document.addEventListener(type, input, {capture: true, passive: true}));
            // Timers stop while a laptop sleeps: ask again as soon as the page is looked at.
            document.addEventListener('visibilitychange', () => { if (!document.hidden) check(); });
            window.addEventListener('focus', check);
            schedule($2 - warnSeconds);
            """.formatted(STILL_HERE_EVENT);
}
