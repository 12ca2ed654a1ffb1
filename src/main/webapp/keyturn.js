// Keyturn browser module: one ES module, no dependencies, no build step. See docs/clients.md.
//
//   import { createKeyturn } from '/keyturn.js';
//   const keyturn = createKeyturn();
//   keyturn.onChange(state => render(state));
//   await keyturn.start();                       // a reload recovers the session from the refresh cookie
//   const reply = await keyturn.fetch('/api/me'); // bearer added, refreshed when needed, retried once after a refused token
//
// The access token lives in this module's memory only: never in localStorage, sessionStorage, a cookie or the log.
// The refresh token is the HttpOnly cookie of cookie mode, which scripts cannot read at all.
//
// Tabs of one browser (one origin) cooperate: a Web Lock lets one tab refresh at a time, and a BroadcastChannel
// hands the new access token, a sign-in and a sign-out to the other tabs.

const CSRF_HEADER = 'X-Requested-With';
const CSRF_VALUE = 'keyturn';
/** Refresh answers that mean the session is over: sign the page out, never retry. */
const SESSION_ENDED_CODES = new Set(['refresh_token_invalid', 'refresh_token_reused', 'account_disabled']);

/** Thrown by {@link Keyturn#fetch} and the account calls once the page is signed out. */
export class SessionEndedError extends Error {
    constructor(reason) {
        super('The Keyturn session has ended (' + reason + ')');
        this.name = 'SessionEndedError';
        this.reason = reason;
    }
}

/** A refused Keyturn call: status and the problem details' code (RFC 9457 body), e.g. invalid_credentials. */
export class KeyturnError extends Error {
    constructor(status, problem, retryAfter) {
        super((problem && (problem.detail || problem.title)) || 'Keyturn answered ' + status);
        this.name = 'KeyturnError';
        this.status = status;
        this.code = problem ? problem.code : undefined;
        this.errors = problem && Array.isArray(problem.errors) ? problem.errors : [];
        this.retryAfter = retryAfter;
    }
}

async function problemOf(response) {
    try {
        return await response.json();
    } catch (notJson) {
        return null;
    }
}

const nextTask = () => new Promise(resolve => setTimeout(resolve, 0));

/**
 * A Keyturn client for this page.
 *
 * @param {object} [options]
 * @param {string} [options.base]        where Keyturn's WAR is, relative to this page's origin ('' = the root)
 * @param {number} [options.skewSeconds] refresh this long before the access token expires (at most a quarter of
 *                                       its lifetime), so a call does not leave with a token about to die
 * @param {string} [options.name]        the lock and channel name: tabs with the same name cooperate
 * @param {number} [options.helloMillis] at start, how long to wait for another tab's token before refreshing
 * @param {number} [options.handoverMillis] after waiting for another tab's refresh, how long to wait for its result
 *                                       to arrive (it is posted before the lock is released, but may arrive after)
 */
export function createKeyturn(options = {}) {
    const base = (options.base || '').replace(/\/$/, '');
    const skewMillis = 1000 * (options.skewSeconds ?? 10);
    const name = options.name || 'keyturn';
    const helloMillis = options.helloMillis ?? 150;
    const handoverMillis = options.handoverMillis ?? 1000;

    /** {accessToken, expiresAt (epoch ms), lifetime (ms), sessionId, user}, or null. */
    let token = null;
    /** 'unknown' until start() has decided, then 'signed-in' or 'signed-out'. */
    let state = 'unknown';
    let reason = null;
    /** The refresh this tab is running or waiting to run (single flight inside one tab). */
    let refreshing = null;
    const listeners = new Set();
    /** How many 'released' messages (another tab leaving the refresh lock) this tab has received. */
    let releasesSeen = 0;
    const releaseWaiters = new Set();
    const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : null;
    const locks = typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null;

    function notify() {
        const snapshot = { state, user: token ? token.user : null, sessionId: token ? token.sessionId : null, reason };
        for (const listener of listeners) {
            try {
                listener(snapshot);
            } catch (e) {
                console.error('Keyturn listener failed', e);
            }
        }
    }

    function fresh(candidate) {
        if (!candidate) {
            return false;
        }
        const margin = Math.min(skewMillis, candidate.lifetime / 4);
        return candidate.expiresAt - margin > Date.now();
    }

    function adopt(candidate, share) {
        token = candidate;
        state = 'signed-in';
        reason = null;
        if (share && channel) {
            channel.postMessage({ type: 'token', token });
        }
        notify();
    }

    function fromResponse(body) {
        const lifetime = 1000 * Number(body.expiresIn);
        return {
            accessToken: body.accessToken,
            expiresAt: Date.now() + lifetime,
            lifetime,
            sessionId: body.sessionId,
            user: body.user,
        };
    }

    function signOut(why, share) {
        const sessionId = token ? token.sessionId : null;
        token = null;
        const changed = state !== 'signed-out';
        state = 'signed-out';
        reason = why;
        if (share && channel) {
            channel.postMessage({ type: 'signed-out', sessionId, reason: why });
        }
        if (changed) {
            notify();
        }
    }

    if (channel) {
        channel.onmessage = event => {
            const message = event.data || {};
            if (message.type === 'token' && message.token) {
                // a newer token from another tab (a refresh or a sign-in there): take it over
                if (!token || message.token.expiresAt > token.expiresAt || message.token.sessionId !== token.sessionId) {
                    adopt(message.token, false);
                }
            } else if (message.type === 'signed-out') {
                // another tab signed out, or found the session ended; a sign-out of an older session is ignored
                if (token && (!message.sessionId || message.sessionId === token.sessionId)) {
                    signOut(message.reason || 'signed-out-elsewhere', false);
                }
            } else if (message.type === 'released') {
                // posted after whatever the holder shared, so everything it shared has been handled by now
                releasesSeen++;
                for (const wake of [...releaseWaiters]) {
                    wake();
                }
            } else if (message.type === 'hello') {
                // a tab starting: hand it our token so it needs no refresh of its own
                if (state === 'signed-in' && fresh(token)) {
                    channel.postMessage({ type: 'token', token });
                }
            }
        };
    }

    /**
     * Runs {@code work} holding the refresh lock of all tabs. When another tab held it first, waits (at most
     * handoverMillis) for that tab's 'released' message before running: the lock manager and the channel are
     * separate paths between the tabs, so the lock can arrive before the token the other tab posted while holding it.
     */
    async function withRefreshLock(work) {
        if (!locks) {
            // no Web Locks (an old browser): tabs may refresh at the same time; the server's grace window
            // makes them converge on one token (docs/sessions.md)
            return work();
        }
        const lockName = name + '-refresh';
        const seen = releasesSeen;
        const immediate = await locks.request(lockName, { ifAvailable: true },
            async lock => (lock ? { result: await holding(work) } : null));
        if (immediate) {
            return immediate.result;
        }
        return locks.request(lockName, { mode: 'exclusive' }, async () => {
            await releaseAfter(seen);
            return holding(work);
        });
    }

    async function holding(work) {
        try {
            return await work();
        } finally {
            if (channel) {
                channel.postMessage({ type: 'released' });
            }
        }
    }

    /** Resolves once a 'released' message beyond the first {@code seen} has arrived, or after handoverMillis. */
    function releaseAfter(seen) {
        if (!channel || releasesSeen > seen) {
            return Promise.resolve();
        }
        return new Promise(resolve => {
            const done = () => {
                clearTimeout(timer);
                releaseWaiters.delete(done);
                resolve();
            };
            const timer = setTimeout(done, handoverMillis);
            releaseWaiters.add(done);
        });
    }

    async function refreshThroughCookie() {
        let response;
        try {
            response = await fetch(base + '/api/auth/refresh', {
                method: 'POST',
                credentials: 'same-origin',
                cache: 'no-store',
                headers: { [CSRF_HEADER]: CSRF_VALUE },
            });
        } catch (network) {
            throw new KeyturnError(0, { detail: 'Keyturn could not be reached' });
        }
        if (response.ok) {
            adopt(fromResponse(await response.json()), true);
            return token;
        }
        const problem = await problemOf(response);
        const code = problem && problem.code;
        if (response.status === 401 || (response.status === 403 && SESSION_ENDED_CODES.has(code))) {
            // the session is over: sign out, and tell the other tabs if this one knew the session; at page start
            // with no (live) cookie there simply is no session
            const knew = token !== null;
            const why = knew ? code || 'session-ended' : 'no-session';
            signOut(why, knew);
            throw new SessionEndedError(why);
        }
        // 403 csrf_header_missing, 429, 5xx, ...: not an answer about the session; the caller may try later
        throw new KeyturnError(response.status, problem, response.headers.get('Retry-After'));
    }

    /**
     * One refresh at a time across the tabs. {@code stale} is the access token the caller found unusable (or null):
     * when the lock is ours, another tab may already have refreshed and shared its token, which then does.
     */
    function refresh(stale) {
        if (!refreshing) {
            refreshing = withRefreshLock(async () => {
                await nextTask(); // let a token another tab posted just before this one asked for the lock arrive
                if (state === 'signed-out' && stale !== null) {
                    throw new SessionEndedError(reason || 'signed-out');
                }
                if (token && token.accessToken !== stale && fresh(token)) {
                    return token;
                }
                return refreshThroughCookie();
            }).finally(() => {
                refreshing = null;
            });
        }
        return refreshing;
    }

    async function currentToken() {
        if (state === 'signed-out') {
            throw new SessionEndedError(reason || 'signed-out');
        }
        if (fresh(token)) {
            return token;
        }
        return refresh(token ? token.accessToken : null);
    }

    /** POST /api/auth/logout under the refresh lock; whether Keyturn confirmed that the session ended. */
    async function endBrowserSession() {
        try {
            const reply = await withRefreshLock(() => fetch(base + '/api/auth/logout', {
                method: 'POST',
                credentials: 'same-origin',
                cache: 'no-store',
                headers: { [CSRF_HEADER]: CSRF_VALUE },
            }));
            return reply.ok;
        } catch (unreachable) {
            return false;
        }
    }

    /** A 401 about the token itself; Keyturn exposes WWW-Authenticate to other origins when CORS is on. */
    function refusesBearer(reply) {
        return /^\s*bearer\b/i.test(reply.headers.get('WWW-Authenticate') || '');
    }

    function withBearer(init, accessToken) {
        const headers = new Headers(init.headers || {});
        headers.set('Authorization', 'Bearer ' + accessToken);
        return { credentials: 'same-origin', ...init, headers };
    }

    const client = {
        /** 'unknown', 'signed-in' or 'signed-out'. */
        get state() {
            return state;
        },
        get user() {
            return token ? token.user : null;
        },
        get sessionId() {
            return token ? token.sessionId : null;
        },

        /** Calls {@code listener({state, user, sessionId, reason})} on every change; returns the unsubscribe. */
        onChange(listener) {
            listeners.add(listener);
            return () => listeners.delete(listener);
        },

        /**
         * Recovers the session at page load: from another tab's token when one answers within helloMillis, else
         * by one refresh through the cookie. Resolves to the user, or null when there is no session.
         */
        async start() {
            if (channel && state === 'unknown') {
                channel.postMessage({ type: 'hello' });
                const deadline = Date.now() + helloMillis;
                while (state === 'unknown' && Date.now() < deadline) {
                    await new Promise(resolve => setTimeout(resolve, 10));
                }
            }
            if (state === 'signed-in') {
                return token.user;
            }
            try {
                await refresh(null);
                return token.user;
            } catch (e) {
                if (e instanceof SessionEndedError) {
                    return null; // no session (or it ended): state is signed-out
                }
                throw e;
            }
        },

        /** Logs in (cookie mode). Rejects with a KeyturnError (invalid_credentials, too_many_attempts, ...). */
        async login(username, password) {
            const response = await fetch(base + '/api/auth/login', {
                method: 'POST',
                credentials: 'same-origin',
                cache: 'no-store',
                headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify({ username, password }),
            });
            if (!response.ok) {
                throw new KeyturnError(response.status, await problemOf(response), response.headers.get('Retry-After'));
            }
            adopt(fromResponse(await response.json()), true);
            return token.user;
        },

        /**
         * fetch() with the bearer: refreshes first when the token is (nearly) expired and retries once with a fresh
         * token after a 401 that refuses the bearer (a {@code WWW-Authenticate: Bearer} challenge, RFC 6750). Any
         * other 401 (a wrong current password) is returned as it is, so the request is not sent twice; so is a
         * second 401. Rejects with SessionEndedError when signed out. A Request with a body cannot be sent twice:
         * pass the URL and an init with a string body instead.
         */
        async fetch(input, init = {}) {
            const first = await currentToken();
            const reply = await fetch(input, withBearer(init, first.accessToken));
            if (reply.status !== 401 || !refusesBearer(reply)) {
                return reply;
            }
            const second = await refresh(first.accessToken);
            return fetch(input, withBearer(init, second.accessToken));
        },

        /**
         * Ends this browser's session (all its tabs) and resolves to whether Keyturn confirmed it. Always signs the
         * page out; when Keyturn did not confirm it (unreachable, or an error answer) the reason is
         * {@code logout-failed}: the session and its cookie then live on, and the next page load signs the browser
         * in again.
         */
        async logout() {
            const ended = await endBrowserSession();
            signOut(ended ? 'signed-out' : 'logout-failed', true);
            return ended;
        },

        /** Ends every session of the user, on every device, then this one's cookie. */
        async logoutEverywhere() {
            const reply = await client.fetch(base + '/api/auth/logout-all', { method: 'POST' });
            if (reply.status !== 204) {
                throw new KeyturnError(reply.status, await problemOf(reply));
            }
            await endBrowserSession(); // the session has ended already; this clears its cookie
            signOut('signed-out', true);
        },

        /** Changes the password; Keyturn revokes every other session of the user, this one stays. */
        async changePassword(currentPassword, newPassword) {
            const reply = await client.fetch(base + '/api/auth/password', {
                method: 'POST',
                headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify({ currentPassword, newPassword }),
            });
            if (reply.status !== 204) {
                throw new KeyturnError(reply.status, await problemOf(reply), reply.headers.get('Retry-After'));
            }
        },

        /** GET a JSON resource of Keyturn with the bearer; rejects with KeyturnError unless 200. */
        async getJson(path) {
            const reply = await client.fetch(base + path, { headers: { Accept: 'application/json' } });
            if (!reply.ok) {
                throw new KeyturnError(reply.status, await problemOf(reply));
            }
            return reply.json();
        },
    };
    return client;
}
