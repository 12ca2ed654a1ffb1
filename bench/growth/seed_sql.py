#!/usr/bin/env python3
"""Prints SQL that seeds a migrated Keyturn database with stored sessions (bench/growth.sh, item 6).

usage: seed_sql.py h2|mariadb SESSIONS [SESSIONS_PER_USER]

Rows made, in statements of at most 100,000 rows (short transactions):
- users: SESSIONS / SESSIONS_PER_USER (default 10) seed users "seed<u>" whose password hash is a well-formed
  Argon2id PHC string nobody knows the password of;
- sessions: SESSIONS active ones (expire in 30 days, not revoked), SESSIONS_PER_USER per user;
- refresh_tokens: one live token per session (expires in 7 days).
Times are UTC, as Keyturn stores them.

Keys. Token hashes are 64 hex digits, session and user ids UUID-shaped hex, spread evenly over the whole key space
like Keyturn's random ones, so the refreshes measured afterwards insert and look up keys among the seeded ones in
B-trees of the real size and shape. But the seed inserts them in ascending order: the first 8 hex digits of row
x of n are floor(x * (2^32 - 1) / n) (evenly spread, increasing), the rest comes from a hash of x, and a session's
id is the start of its token's hash. Random-order inserts made H2 (MVStore rewrites a page per change) run for
many minutes and grow its file to several GB for 1M rows; in order they append.
"""
import datetime
import sys

CHUNK = 100_000
PHC = "$argon2id$v=19$m=19456,t=2,p=1$c2VlZHNlZWRzZWVkc2VlZA$c2VlZHNlZWRzZWVkc2VlZHNlZWRzZWVkc2VlZHNlZWQ"


def main():
    dialect = sys.argv[1]
    sessions = int(sys.argv[2])
    per_user = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    users = max(1, -(-sessions // per_user))
    now = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
    ts = lambda d: (now + d).strftime("%Y-%m-%d %H:%M:%S")
    t_now, t_created = ts(datetime.timedelta(0)), ts(datetime.timedelta(days=-1))
    t_session_end, t_token_end = ts(datetime.timedelta(days=30)), ts(datetime.timedelta(days=7))

    if dialect == "h2":
        rows = lambda a, b: f"SYSTEM_RANGE({a}, {b})"
        x = "X"
        md5 = lambda e: f"LOWER(RAWTOHEX(HASH('MD5', {e})))"
        sha256 = lambda e: f"LOWER(RAWTOHEX(HASH('SHA-256', {e})))"
        cat = lambda *p: " || ".join(p)
        tostr = lambda e: f"CAST({e} AS VARCHAR)"
        # 8 hex digits of floor(v * (2^32 - 1) / n)
        prefix = lambda v, n: (f"SUBSTRING(LOWER(RAWTOHEX(CAST(CAST(FLOOR(({v}) * 4294967295.0 / {n}) AS BIGINT) "
                               f"AS BINARY(8)))), 9, 8)")
        tstamp = lambda t: f"TIMESTAMP '{t}'"
        print("SET AUTOCOMMIT ON;")
    elif dialect == "mariadb":
        rows = lambda a, b: f"seq_{a}_to_{b}"
        x = "seq"
        md5 = lambda e: f"MD5({e})"
        sha256 = lambda e: f"SHA2({e}, 256)"
        cat = lambda *p: "CONCAT(" + ", ".join(p) + ")"
        tostr = lambda e: f"CAST({e} AS CHAR)"
        prefix = lambda v, n: f"LPAD(LOWER(HEX(FLOOR(({v}) * 4294967295 / {n}))), 8, '0')"
        tstamp = lambda t: f"TIMESTAMP'{t}'"
        print("SET autocommit = 1;")
    else:
        sys.exit("dialect: h2 or mariadb")

    q = lambda text: "'" + text + "'"

    def uuid(h):
        parts = [(1, 8), (9, 4), (13, 4), (17, 4), (21, 12)]
        return cat(*[p for i, (s, n) in enumerate(parts)
                     for p in ([f"SUBSTRING({h}, {s}, {n})"] + (["'-'"] if i < 4 else []))])

    def user_hex(u):  # 32 hex digits, increasing with u
        return cat(prefix(u, users), f"SUBSTRING({md5(cat(q('u'), tostr(u)))}, 1, 24)")

    def token_hash(v):  # 64 hex digits, increasing with v
        return cat(prefix(v, sessions), f"SUBSTRING({sha256(cat(q('t'), tostr(v)))}, 1, 56)")

    def chunks(total):
        a = 1
        while a <= total:
            b = min(total, a + CHUNK - 1)
            yield a, b
            a = b + 1

    for a, b in chunks(users):
        print(f"INSERT INTO users (id, username, email, password_hash, roles, enabled, created_at, "
              f"password_changed_at, version) "
              f"SELECT {uuid('h')}, {cat(q('seed'), tostr(x))}, {cat(q('seed'), tostr(x), q('@example.com'))}, "
              f"'{PHC}', 'user', TRUE, {tstamp(t_created)}, {tstamp(t_created)}, 0 "
              f"FROM (SELECT {x}, {user_hex(x)} AS h FROM {rows(a, b)}) t;")
    owner = f"FLOOR(({x} - 1) / {per_user}) + 1"
    for a, b in chunks(sessions):
        print(f"INSERT INTO sessions (id, user_id, created_at, last_used_at, expires_at, user_agent, ip_address) "
              f"SELECT {uuid('th')}, {uuid('uh')}, {tstamp(t_created)}, {tstamp(t_now)}, {tstamp(t_session_end)}, "
              f"'Mozilla/5.0 (X11; Linux x86_64; bench seed) Gecko/20100101 Firefox/128.0', '10.20.30.40' "
              f"FROM (SELECT {x}, {token_hash(x)} AS th, {user_hex(owner)} AS uh FROM {rows(a, b)}) t;")
        print(f"INSERT INTO refresh_tokens (token_hash, session_id, created_at, expires_at) "
              f"SELECT th, {uuid('th')}, {tstamp(t_now)}, {tstamp(t_token_end)} "
              f"FROM (SELECT {x}, {token_hash(x)} AS th FROM {rows(a, b)}) t;")


if __name__ == "__main__":
    main()
