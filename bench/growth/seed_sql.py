#!/usr/bin/env python3
"""Prints SQL that seeds a migrated Keyturn database with stored sessions (bench/growth.sh, item 6).

usage: seed_sql.py h2|mariadb SESSIONS [SESSIONS_PER_USER]

Rows made, numbered x = 1..SESSIONS, in statements of at most 100,000 rows (short transactions):
- users: SESSIONS / SESSIONS_PER_USER (default 10) seed users "seed<x>" whose password hash is a well-formed
  Argon2id PHC string nobody knows the password of;
- sessions: one per x, of user (x mod users) + 1, active (expires in 30 days, not revoked);
- refresh_tokens: one live token per session (expires in 7 days), its hash the SHA-256 hex of "t<x>".
Ids are UUID-shaped MD5 hex, hashes SHA-256 hex: spread over the key space like the real random ones, so index
inserts and lookups hit the B-trees as in production. Times are UTC, as Keyturn stores them.
"""
import datetime
import sys

CHUNK = 100_000
PHC = "$argon2id$v=19$m=19456,t=2,p=1$c2VlZHNlZWRzZWVkc2VlZA$c2VlZHNlZWRzZWVkc2VlZHNlZWRzZWVkc2VlZHNlZWQ"


def main():
    dialect = sys.argv[1]
    sessions = int(sys.argv[2])
    per_user = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    users = max(1, sessions // per_user)
    now = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
    ts = lambda d: (now + d).strftime("%Y-%m-%d %H:%M:%S")
    t_now, t_created = ts(datetime.timedelta(0)), ts(datetime.timedelta(days=-1))
    t_session_end, t_token_end = ts(datetime.timedelta(days=30)), ts(datetime.timedelta(days=7))

    if dialect == "h2":
        def rows(a, b):
            return f"SYSTEM_RANGE({a}, {b})"
        x = "X"
        md5 = lambda e: f"LOWER(RAWTOHEX(HASH('MD5', {e})))"
        sha256 = lambda e: f"LOWER(RAWTOHEX(HASH('SHA-256', {e})))"
        cat = lambda *p: " || ".join(p)
        mod = lambda a, b: f"MOD({a}, {b})"
        tstamp = lambda t: f"TIMESTAMP '{t}'"
        tostr = lambda e: f"CAST({e} AS VARCHAR)"
        yes = "TRUE"
        print("SET AUTOCOMMIT ON;")
    elif dialect == "mariadb":
        def rows(a, b):
            return f"seq_{a}_to_{b}"
        x = "seq"
        md5 = lambda e: f"MD5({e})"
        sha256 = lambda e: f"SHA2({e}, 256)"
        cat = lambda *p: "CONCAT(" + ", ".join(p) + ")"
        mod = lambda a, b: f"MOD({a}, {b})"
        tstamp = lambda t: f"TIMESTAMP'{t}'"
        tostr = lambda e: f"CAST({e} AS CHAR)"
        yes = "TRUE"
        print("SET autocommit = 1; SET unique_checks = 1; SET foreign_key_checks = 1;")
    else:
        sys.exit("dialect: h2 or mariadb")

    def uuid(h):
        parts = [(1, 8), (9, 4), (13, 4), (17, 4), (21, 12)]
        return cat(*[p for i, (s, n) in enumerate(parts)
                     for p in ([f"SUBSTRING({h}, {s}, {n})"] + (["'-'"] if i < 4 else []))])

    def chunks(total):
        a = 1
        while a <= total:
            b = min(total, a + CHUNK - 1)
            yield a, b
            a = b + 1

    for a, b in chunks(users):
        print(f"INSERT INTO users (id, username, email, password_hash, roles, enabled, created_at, "
              f"password_changed_at, version) "
              f"SELECT {uuid('h')}, {cat(chr(39) + 'seed' + chr(39), tostr(x))}, "
              f"{cat(chr(39) + 'seed' + chr(39), tostr(x), chr(39) + '@example.com' + chr(39))}, "
              f"'{PHC}', 'user', {yes}, {tstamp(t_created)}, {tstamp(t_created)}, 0 "
              f"FROM (SELECT {x}, {md5(cat(chr(39) + 'u' + chr(39), tostr(x)))} AS h "
              f"FROM {rows(a, b)}) t;")
    for a, b in chunks(sessions):
        xs = tostr(x)
        print(f"INSERT INTO sessions (id, user_id, created_at, last_used_at, expires_at, user_agent, ip_address) "
              f"SELECT {uuid('h')}, {uuid('uh')}, {tstamp(t_created)}, {tstamp(t_now)}, {tstamp(t_session_end)}, "
              f"'Mozilla/5.0 (X11; Linux x86_64; bench seed) Gecko/20100101 Firefox/128.0', '10.20.30.40' "
              f"FROM (SELECT {x}, {md5(cat(chr(39) + 's' + chr(39), xs))} AS h, "
              f"{md5(cat(chr(39) + 'u' + chr(39), tostr(mod(x, users) + ' + 1')))} AS uh "
              f"FROM {rows(a, b)}) t;")
        print(f"INSERT INTO refresh_tokens (token_hash, session_id, created_at, expires_at) "
              f"SELECT {sha256(cat(chr(39) + 't' + chr(39), xs))}, {uuid('h')}, {tstamp(t_now)}, "
              f"{tstamp(t_token_end)} "
              f"FROM (SELECT {x}, {md5(cat(chr(39) + 's' + chr(39), xs))} AS h FROM {rows(a, b)}) t;")


if __name__ == "__main__":
    main()
