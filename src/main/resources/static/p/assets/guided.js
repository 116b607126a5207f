/*
 * The guided session on the phone page: one exercise at a time, with a hold timer.
 * Comfort only: it steers the same form the plain list posts (ticks the same "Done" boxes and
 * ends at the same pain and warning-sign questions and button), so it saves nothing itself and
 * the page works as before without it.
 */
(function () {
    'use strict';
    var form = document.querySelector('form.checkin');
    if (!form || !form.classList || !Array.prototype.forEach) { return; }
    var sections = Array.prototype.slice.call(form.querySelectorAll('section.exercise'));
    var submit = form.querySelector('button[type=submit]');
    if (!sections.length || !submit) { return; }

    // Time is read only through api.now, so that a test can run the clock by hand.
    var api = window.HomeStretchGuided = window.HomeStretchGuided || {};
    api.now = api.now || function () { return Date.now(); };
    api.signals = 0;

    // The session's buttons are added once their styles are in: on a slow connection they would
    // otherwise show in the plain list for a while. Without the styles the plain list stays as it is.
    var style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = '/p/assets/guided.css';
    style.addEventListener('load', build);
    document.head.appendChild(style);

    var submitLabel = submit.textContent;
    var skipBox = document.querySelector('details.skip');
    var step = -1;
    var timers = [];
    var running = null;
    var ticker = null;
    var audio = null;
    var wakeLock = null;

    function make(tag, className, text, attributes) {
        var node = document.createElement(tag);
        if (className) { node.className = className; }
        if (text) { node.textContent = text; }
        Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
        return node;
    }

    function button(className, text, onClick) {
        var b = make('button', className, text, { type: 'button' });
        b.addEventListener('click', onClick);
        return b;
    }

    var status, start, finalHeading;

    function say(text) { status.textContent = text; }

    function build() {
        // Said politely by screen readers: when a hold starts and ends, never every second.
        status = make('p', 'visually-hidden', '', { 'aria-live': 'polite' });
        form.appendChild(status);

        start = make('div', 'guided-start');
        start.appendChild(button('guided-go', 'Start session', function () { show(0); }));
        start.appendChild(make('p', 'muted', 'One exercise at a time, with a timer for each hold. '
            + 'Nothing is saved until you press Save at the end.'));
        sections[0].parentNode.insertBefore(start, sections[0]);

        var last = sections[sections.length - 1];
        finalHeading = make('h3', 'guided-only guided-final-heading', 'Last questions', { tabindex: '-1' });
        var noneDone = make('p', 'guided-none-note', 'You skipped every exercise. Please tell us why below, then press Save.');
        last.parentNode.insertBefore(noneDone, last.nextSibling);
        last.parentNode.insertBefore(finalHeading, last.nextSibling);
        var finalBack = button('link guided-back guided-only', 'Back to the exercises', function () { show(sections.length - 1); });
        submit.parentNode.insertBefore(finalBack, submit.nextSibling);
        if (skipBox) {
            var skipBack = button('link guided-back guided-none-back', 'Back to the exercises', function () { show(sections.length - 1); });
            skipBox.appendChild(skipBack);
        }

        sections.forEach(function (section, index) {
            section.insertBefore(make('p', 'guided-only guided-progress', 'Exercise ' + (index + 1) + ' of ' + sections.length),
                section.firstChild);
            var heading = section.querySelector('h3');
            if (heading) { heading.setAttribute('tabindex', '-1'); }
            var bar = make('div', 'guided-only guided-bar');
            var hold = parseInt(section.getAttribute('data-hold'), 10) || 0;
            if (hold > 0) {
                timers[index] = timer(section, bar, hold);
            }
            var actions = make('div', 'guided-actions');
            actions.appendChild(button('guided-done', 'Done', function () { answer(section, true); show(index + 1); }));
            actions.appendChild(button('secondary guided-skip', 'Skip this one', function () { answer(section, false); show(index + 1); }));
            bar.appendChild(actions);
            section.appendChild(bar);
            section.appendChild(button('link guided-back guided-only', index === 0 ? 'Back to the list' : 'Back',
                function () { show(index - 1); }));
        });
        api.ready = true;
    }

    function tickBox(section) { return section.querySelector('input[name=ex]'); }

    function answer(section, done) {
        var box = tickBox(section);
        if (box) { box.checked = done; }
    }

    /** The holds of one exercise in order: every repetition of every set, on each side as prescribed. */
    function holdsOf(section) {
        var reps = parseInt(section.getAttribute('data-reps'), 10) || 1;
        var sets = parseInt(section.getAttribute('data-sets'), 10) || 1;
        var sides = section.getAttribute('data-sides');
        var holds = [];
        for (var set = 1; set <= sets; set++) {
            var round = sets > 1 ? 'Round ' + set + ' of ' + sets + ': ' : '';
            (sides === 'EACH_SIDE' ? ['Left', 'Right'] : [null]).forEach(function (side) {
                for (var rep = 1; rep <= reps; rep++) {
                    var named = side || (sides === 'ALTERNATE' ? (rep % 2 ? 'Left' : 'Right') : null);
                    holds.push(round + (named ? named + ' side, ' : 'Hold ') + rep + ' of ' + reps);
                }
            });
        }
        return holds;
    }

    function timer(section, bar, seconds) {
        var t = { seconds: seconds, holds: holdsOf(section), next: 0, endsAt: 0 };
        t.count = make('p', 'guided-count', t.holds[0]);
        t.clock = make('div', 'guided-clock', clockText(seconds), { role: 'timer', 'aria-label': 'Time left' });
        t.meter = make('div', 'guided-meter', '', { 'aria-hidden': 'true' });
        t.fill = make('span');
        t.meter.appendChild(t.fill);
        t.button = button('guided-hold', 'Start the hold', function () {
            if (running === t) { stop(t, true); } else { begin(t); }
        });
        var row = make('div', 'guided-timer');
        row.appendChild(t.clock);
        row.appendChild(t.button);
        bar.appendChild(t.count);
        bar.appendChild(row);
        bar.appendChild(t.meter);
        return t;
    }

    function clockText(seconds) {
        if (seconds < 60) { return String(seconds); }
        var s = seconds % 60;
        return Math.floor(seconds / 60) + ':' + (s < 10 ? '0' : '') + s;
    }

    function words(seconds) {
        if (seconds >= 60 && seconds % 60 === 0) { return seconds === 60 ? '1 minute' : seconds / 60 + ' minutes'; }
        return seconds === 1 ? '1 second' : seconds + ' seconds';
    }

    function begin(t) {
        if (t.next >= t.holds.length) { return; }
        stopRunning();
        unlockSound();
        keepScreenOn(true);
        running = t;
        t.endsAt = api.now() + t.seconds * 1000;
        t.button.textContent = 'Stop';
        t.button.classList.add('running');
        say('Hold for ' + words(t.seconds) + '. ' + t.holds[t.next] + '.');
        tick();
        ticker = window.setInterval(tick, 200);
    }

    /** Reads the clock and shows the time left; at zero, the signal and the next hold. */
    function tick() {
        var t = running;
        if (!t) { return; }
        var left = Math.max(0, t.endsAt - api.now());
        var seconds = Math.ceil(left / 1000);
        t.clock.textContent = clockText(seconds);
        t.fill.style.width = (100 * (t.seconds * 1000 - left) / (t.seconds * 1000)) + '%';
        if (left <= 0) { finish(t); }
    }
    api.tick = tick;

    function finish(t) {
        halt(t);
        signal();
        t.next++;
        if (t.next < t.holds.length) {
            t.count.textContent = t.holds[t.next];
            t.button.textContent = 'Start the next hold';
            say('Time is up. Next: ' + t.holds[t.next] + '.');
        } else {
            t.count.textContent = 'All holds done';
            t.button.hidden = true;
            say('Time is up. All holds done. Press Done.');
        }
    }

    function halt(t) {
        window.clearInterval(ticker);
        ticker = null;
        running = null;
        keepScreenOn(false);
        t.button.classList.remove('running');
    }

    /** Stopped by hand: this hold starts again from the full time. */
    function stop(t, spoken) {
        halt(t);
        t.clock.textContent = clockText(t.seconds);
        t.fill.style.width = '0';
        t.button.textContent = 'Start the hold';
        if (spoken) { say('Stopped.'); }
    }

    function stopRunning() {
        if (running) { stop(running, false); }
    }

    // Phones only play sound after a tap: the audio is switched on by the tap that starts a hold.
    function unlockSound() {
        try {
            var Context = window.AudioContext || window.webkitAudioContext;
            if (Context && !audio) { audio = new Context(); }
            if (audio && audio.state === 'suspended') { audio.resume(); }
        } catch (e) { audio = null; }
    }

    function signal() {
        api.signals++;
        try {
            if (audio) {
                var at = audio.currentTime;
                var tone = audio.createOscillator();
                var volume = audio.createGain();
                tone.frequency.value = 880;
                volume.gain.setValueAtTime(0.0001, at);
                volume.gain.exponentialRampToValueAtTime(0.3, at + 0.02);
                volume.gain.exponentialRampToValueAtTime(0.0001, at + 0.4);
                tone.connect(volume);
                volume.connect(audio.destination);
                tone.start(at);
                tone.stop(at + 0.45);
            }
        } catch (e) { /* no sound on this phone: the screen still shows it */ }
        if (navigator.vibrate) {
            try { navigator.vibrate([200, 100, 200]); } catch (e) { /* not allowed here */ }
        }
    }

    // A phone that dims its screen mid-hold would hide the countdown.
    function keepScreenOn(on) {
        try {
            if (on && navigator.wakeLock && !wakeLock) {
                navigator.wakeLock.request('screen').then(function (lock) { wakeLock = lock; }, function () { });
            } else if (!on && wakeLock) {
                wakeLock.release();
                wakeLock = null;
            }
        } catch (e) { wakeLock = null; }
    }

    /** Step n: an exercise (0 … n-1), the last questions (n), or back to the plain list (-1). */
    function show(n) {
        stopRunning();
        step = n;
        var guided = n >= 0;
        var atEnd = n === sections.length;
        var nothingDone = atEnd && !sections.some(function (s) { var box = tickBox(s); return box && box.checked; });
        form.classList.toggle('guided', guided);
        form.classList.toggle('final', atEnd);
        form.classList.toggle('none-done', nothingDone);
        document.body.classList.toggle('guided-on', guided);
        document.body.classList.toggle('guided-none-done', nothingDone);
        submit.textContent = guided ? 'Save' : submitLabel;
        sections.forEach(function (s, i) { s.classList.toggle('current', i === n); });
        if (skipBox && nothingDone) { skipBox.open = true; }
        var target;
        if (!guided) {
            target = start.querySelector('button');
        } else if (atEnd) {
            target = finalHeading;
        } else {
            var details = sections[n].querySelector('details');
            if (details) { details.open = true; }
            target = sections[n].querySelector('h3');
        }
        window.scrollTo(0, guided ? 0 : start.getBoundingClientRect().top + window.pageYOffset - 16);
        if (target) { target.focus({ preventScroll: true }); }
    }

    api.step = function () { return step; };
})();
