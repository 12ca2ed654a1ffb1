-- Failed-login counters shared by every instance: one row per throttled subject
-- ("account:<canonical login>" or "client:<address>"), a fixed window and, once over the limit, a block.
CREATE TABLE throttle_counters (
    subject          VARCHAR(320) NOT NULL,
    failures         INT          NOT NULL,
    window_start     DATETIME(6)  NOT NULL,
    blocked_until    DATETIME(6),
    CONSTRAINT pk_throttle_counters PRIMARY KEY (subject)
);
CREATE INDEX ix_throttle_counters_window ON throttle_counters (window_start);
