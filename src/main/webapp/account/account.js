// The account page: built only on /keyturn.js (no inline script: the page's Content-Security-Policy forbids it).
import { createKeyturn, KeyturnError, SessionEndedError } from '/keyturn.js';

const keyturn = createKeyturn();
const $ = id => document.getElementById(id);

const REASONS = {
    'signed-out': 'You signed out.',
    'logout-failed': 'Signed out on this page, but Keyturn could not be reached to end the session: it resumes when '
        + 'the page is loaded again. Sign out again once Keyturn answers.',
    'signed-out-elsewhere': 'You signed out in another tab.',
    refresh_token_invalid: 'Your session has ended (signed out elsewhere, expired or revoked). Please sign in again.',
    refresh_token_reused: 'Your session was ended for your safety: a sign-in token was used twice. Please sign in again.',
    account_disabled: 'Your account is disabled.',
};

/** "Firefox on Windows" from a User-Agent header; good enough to recognise one's own devices. */
export function describeDevice(userAgent) {
    if (!userAgent) {
        return 'Unknown device';
    }
    const ua = userAgent;
    const browser = /Edg\//.test(ua) ? 'Edge'
        : /OPR\//.test(ua) ? 'Opera'
        : /Firefox\//.test(ua) ? 'Firefox'
        : /Chrom(e|ium)\//.test(ua) ? 'Chrome'
        : /Safari\//.test(ua) ? 'Safari'
        : /^curl\//.test(ua) ? 'curl'
        : /Java|Jersey|RESTEasy|Apache-HttpClient|okhttp/i.test(ua) ? 'Java client'
        : ua.split(/[\s/]/)[0] || 'Unknown';
    const system = /Android/.test(ua) ? 'Android'
        : /iPhone|iPad|iPod/.test(ua) ? 'iOS'
        : /Windows/.test(ua) ? 'Windows'
        : /Mac OS X|Macintosh/.test(ua) ? 'macOS'
        : /CrOS/.test(ua) ? 'ChromeOS'
        : /Linux/.test(ua) ? 'Linux'
        : null;
    return system ? browser + ' on ' + system : browser;
}

function when(iso) {
    if (!iso) {
        return 'never';
    }
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

function notice(text, kind = 'info') {
    const element = $('notice');
    element.textContent = text || '';
    element.dataset.kind = kind;
    element.hidden = !text;
}

function showError(element, error) {
    element.hidden = false;
    element.className = 'error';
    if (error instanceof KeyturnError) {
        if (error.code === 'too_many_attempts') {
            element.textContent = 'Too many attempts. Try again in ' + (error.retryAfter || 'a few') + ' seconds.';
        } else if (error.errors.length) {
            element.textContent = error.errors.map(e => e.message).join(' ');
        } else {
            element.textContent = error.message;
        }
    } else if (error instanceof SessionEndedError) {
        element.textContent = REASONS[error.reason] || 'Your session has ended.';
    } else {
        element.textContent = error.message;
    }
}

async function loadMe() {
    const me = await keyturn.getJson('/api/me');
    $('me-username').textContent = me.username;
    $('me-email').textContent = me.email;
    $('me-roles').textContent = (me.roles || []).join(', ');
}

async function loadSessions() {
    const sessions = await keyturn.getJson('/api/auth/sessions');
    sessions.sort((a, b) => (b.current - a.current) || String(b.lastUsedAt).localeCompare(String(a.lastUsedAt)));
    const list = $('sessions');
    const rows = sessions.map(session => {
        const row = $('session-row').content.firstElementChild.cloneNode(true);
        row.dataset.sessionId = session.id;
        row.querySelector('.name').textContent = describeDevice(session.userAgent);
        row.querySelector('.name').title = session.userAgent || '';
        row.querySelector('.address').textContent = session.ipAddress || 'unknown address';
        const lastUsed = row.querySelector('.last-used');
        lastUsed.textContent = when(session.lastUsedAt || session.createdAt);
        lastUsed.dateTime = session.lastUsedAt || session.createdAt || '';
        if (session.current) {
            row.classList.add('current');
            row.querySelector('.badge').hidden = false;
            row.querySelector('.revoke').remove();
        } else {
            row.querySelector('.revoke').addEventListener('click', () => revoke(session.id));
        }
        return row;
    });
    list.replaceChildren(...rows);
}

async function reload() {
    try {
        await Promise.all([loadMe(), loadSessions()]);
        notice('');
        $('signed-in').dataset.loadedAt = String(Date.now()); // when the page last showed fresh data
    } catch (error) {
        if (!(error instanceof SessionEndedError)) {
            notice(error.message, 'error');
        }
    }
}

async function revoke(sessionId) {
    try {
        const reply = await keyturn.fetch('/api/auth/sessions/' + encodeURIComponent(sessionId), { method: 'DELETE' });
        if (reply.status !== 204 && reply.status !== 404) {
            throw new KeyturnError(reply.status, null);
        }
        await loadSessions();
        notice('That session is signed out.');
    } catch (error) {
        if (!(error instanceof SessionEndedError)) {
            notice(error.message, 'error');
        }
    }
}

let shownSession = null;

function render({ state, user, sessionId, reason }) {
    const status = $('status');
    status.dataset.state = state;
    $('signed-in').hidden = state !== 'signed-in';
    $('signed-out').hidden = state !== 'signed-out';
    if (state === 'signed-in') {
        status.textContent = 'Signed in as ' + user.username;
        if (shownSession !== sessionId) {
            shownSession = sessionId;
            reload();
        }
    } else if (state === 'signed-out') {
        shownSession = null;
        status.textContent = 'Signed out';
        $('me-username').textContent = '';
        $('me-email').textContent = '';
        $('me-roles').textContent = '';
        $('sessions').replaceChildren();
        notice(reason && REASONS[reason] ? REASONS[reason] : '', reason === 'logout-failed' ? 'error' : 'info');
    }
}

keyturn.onChange(render);

$('login-form').addEventListener('submit', async event => {
    event.preventDefault();
    const form = event.target;
    const error = $('login-error');
    error.hidden = true;
    form.querySelector('button').disabled = true;
    try {
        await keyturn.login(form.username.value, form.password.value);
        form.reset();
    } catch (e) {
        showError(error, e);
    } finally {
        form.querySelector('button').disabled = false;
    }
});

$('reload').addEventListener('click', reload);

$('sign-out').addEventListener('click', () => keyturn.logout());

$('sign-out-everywhere').addEventListener('click', async () => {
    try {
        await keyturn.logoutEverywhere();
    } catch (error) {
        if (!(error instanceof SessionEndedError)) {
            notice(error.message, 'error');
        }
    }
});

$('password-form').addEventListener('submit', async event => {
    event.preventDefault();
    const form = event.target;
    const message = $('password-message');
    message.hidden = true;
    if (form.newPassword.value !== form.confirmPassword.value) {
        showError(message, new Error('The two new passwords differ.'));
        return;
    }
    try {
        await keyturn.changePassword(form.currentPassword.value, form.newPassword.value);
        form.reset();
        message.className = 'message ok';
        message.textContent = 'Password changed. Your other sessions are signed out.';
        message.hidden = false;
        await loadSessions();
    } catch (e) {
        showError(message, e);
    }
});

keyturn.start().catch(error => {
    // Keyturn unreachable or busy: not an answer about the session; offer the form
    $('status').dataset.state = 'error';
    $('status').textContent = 'Keyturn could not be reached';
    $('signed-out').hidden = false;
    notice(error.message, 'error');
});
