-- Inloop's PostgreSQL store, version 1. Read top to bottom: the truth (run
-- events, flows, people), then the projections each commit keeps current in
-- the same transaction (runs, inbox, tokens, timers, deliveries, outbox),
-- then the one function a commit calls.
--
-- Times the engine writes are ISO-8601 text (`2026-01-05T09:00:00.000Z`),
-- which sorts as time does; times the database judges (timers, leases,
-- retries) are timestamptz, compared with the database's own clock.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The truth: a run is its events, unique by (run id, seq).
CREATE TABLE run_events (
  run_id text COLLATE "C" NOT NULL,
  seq integer NOT NULL,
  event json NOT NULL,
  PRIMARY KEY (run_id, seq)
);

-- One row per run: what lists and searches read, and the seq a commit must find.
CREATE TABLE runs (
  run_id text COLLATE "C" PRIMARY KEY,
  flow_id text COLLATE "C" NOT NULL,
  flow_version integer NOT NULL,
  status text COLLATE "C" NOT NULL,
  test boolean NOT NULL,
  outcome text COLLATE "C",
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  last_seq integer NOT NULL,
  idempotency_key text COLLATE "C",
  -- The run id and every input value, lowercased: what `?q=` matches.
  search text NOT NULL
);
CREATE UNIQUE INDEX runs_idempotency ON runs (flow_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX runs_by_flow ON runs (flow_id, run_id);
CREATE INDEX runs_by_status ON runs (status, run_id);
CREATE INDEX runs_search ON runs USING gin (search gin_trgm_ops);

-- The inbox: every task of every run, as the run's state has it.
CREATE TABLE tasks (
  task_id text COLLATE "C" PRIMARY KEY,
  run_id text COLLATE "C" NOT NULL,
  flow_id text COLLATE "C" NOT NULL,
  role text COLLATE "C" NOT NULL,
  status text COLLATE "C" NOT NULL,
  assignee text COLLATE "C",
  due_at text COLLATE "C",
  created_at text COLLATE "C" NOT NULL,
  task json NOT NULL
);
CREATE INDEX tasks_by_due ON tasks (status, role, due_at, created_at, task_id);
CREATE INDEX tasks_by_flow_due ON tasks (status, role, flow_id, due_at, created_at, task_id);
CREATE INDEX tasks_by_created ON tasks (status, role, created_at, task_id);
CREATE INDEX tasks_by_assignee ON tasks (assignee, status, due_at) WHERE assignee IS NOT NULL;
CREATE INDEX tasks_by_run ON tasks (run_id);

-- Customer requests by the hash of their link's token.
CREATE TABLE requests (
  token_hash text COLLATE "C" PRIMARY KEY,
  run_id text COLLATE "C" NOT NULL,
  request json NOT NULL
);
CREATE INDEX requests_by_run ON requests (run_id);

-- Pending timers of live runs; a scheduler leases what is due.
CREATE TABLE timers (
  run_id text COLLATE "C" NOT NULL,
  timer_id text COLLATE "C" NOT NULL,
  fire_at timestamptz NOT NULL,
  lease_until timestamptz,
  PRIMARY KEY (run_id, timer_id)
);
CREATE INDEX timers_due ON timers (fire_at);

-- Deliveries a channel still owes, with the retry schedule; a dispatcher leases what is due.
CREATE TABLE deliveries (
  message_id text COLLATE "C" NOT NULL,
  channel text COLLATE "C" NOT NULL,
  run_id text COLLATE "C" NOT NULL,
  attempts integer NOT NULL,
  retry_at timestamptz,
  lease_until timestamptz,
  PRIMARY KEY (message_id, channel, run_id)
);
CREATE INDEX deliveries_by_run ON deliveries (run_id);

-- Outbox messages (without link tokens: those are derived when read).
CREATE TABLE outbox (
  run_id text COLLATE "C" NOT NULL,
  message_id text COLLATE "C" NOT NULL,
  flow_id text COLLATE "C" NOT NULL,
  purpose text COLLATE "C" NOT NULL,
  recipient text COLLATE "C" NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  message json NOT NULL,
  PRIMARY KEY (run_id, message_id)
);
CREATE INDEX outbox_recent ON outbox (created_at, run_id, message_id);

-- Flows: the draft and the published versions (frozen), and small per-flow documents.
CREATE TABLE flows (
  flow_id text COLLATE "C" PRIMARY KEY,
  draft json NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  updated_by text COLLATE "C" NOT NULL,
  draft_hash text COLLATE "C" NOT NULL,
  published_hash text COLLATE "C"
);
CREATE TABLE flow_versions (
  flow_id text COLLATE "C" NOT NULL REFERENCES flows ON DELETE CASCADE,
  version integer NOT NULL,
  flow json NOT NULL,
  published_at text COLLATE "C" NOT NULL,
  published_by text COLLATE "C" NOT NULL,
  note text COLLATE "C",
  PRIMARY KEY (flow_id, version)
);
-- Parameter versions and datasets; written for a flow id whether or not its draft exists yet.
CREATE TABLE flow_data (
  flow_id text COLLATE "C" NOT NULL,
  key text COLLATE "C" NOT NULL,
  value json NOT NULL,
  PRIMARY KEY (flow_id, key)
);

-- People: users, sessions (by the hash of their cookie), API keys (by id, with the hash of the key).
CREATE TABLE users (
  key text COLLATE "C" PRIMARY KEY,
  record json NOT NULL
);
CREATE TABLE sessions (
  key text COLLATE "C" PRIMARY KEY,
  record json NOT NULL
);
CREATE TABLE api_keys (
  key text COLLATE "C" PRIMARY KEY,
  record json NOT NULL
);
-- Credentials for node types, by name (the secret in them sealed by the server secret).
CREATE TABLE credentials (
  key text COLLATE "C" PRIMARY KEY,
  record json NOT NULL
);

-- Settings every process shares, such as the customer-link secret.
CREATE TABLE settings (
  name text COLLATE "C" PRIMARY KEY,
  value text COLLATE "C" NOT NULL
);

-- One commit of one run, in one statement. `p` is built by commit-rows.ts:
--   run       the runs row after the commit
--   expected  the last seq the committer read (0: a new run; -1: messages only, no events)
--   events    [{ seq, event }]
--   tasks, requests, timers, deliveries   the run's rows now
--   outbox    new messages
-- Answers 'ok', 'seq' (the run moved on: reload and apply again), 'missing'
-- (messages for a run that does not exist) or 'key:<run id>' (another run
-- of the flow has the idempotency key).
CREATE FUNCTION inloop_commit(p json) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  r json := p->'run';
  rid text := r->>'run_id';
  expected integer := (p->>'expected')::integer;
  holder text;
BEGIN
  IF expected = 0 THEN
    IF r->>'idempotency_key' IS NOT NULL THEN
      SELECT run_id INTO holder FROM runs WHERE flow_id = r->>'flow_id' AND idempotency_key = r->>'idempotency_key';
      IF FOUND THEN RETURN 'key:' || holder; END IF;
    END IF;
    INSERT INTO runs (run_id, flow_id, flow_version, status, test, outcome, created_at, updated_at, last_seq, idempotency_key, search)
    VALUES (rid, r->>'flow_id', (r->>'flow_version')::integer, r->>'status', (r->>'test')::boolean, r->>'outcome', r->>'created_at',
            r->>'updated_at', (r->>'last_seq')::integer, r->>'idempotency_key', r->>'search')
    ON CONFLICT (run_id) DO NOTHING;
    IF NOT FOUND THEN RETURN 'seq'; END IF;
  ELSIF expected < 0 THEN
    PERFORM 1 FROM runs WHERE run_id = rid FOR UPDATE;
    IF NOT FOUND THEN RETURN 'missing'; END IF;
  ELSE
    UPDATE runs SET status = r->>'status', outcome = r->>'outcome', updated_at = r->>'updated_at', last_seq = (r->>'last_seq')::integer
    WHERE run_id = rid AND last_seq = expected;
    IF NOT FOUND THEN RETURN 'seq'; END IF;
  END IF;

  INSERT INTO run_events (run_id, seq, event)
  SELECT rid, x.seq, x.event FROM json_to_recordset(p->'events') AS x(seq integer, event json);

  INSERT INTO tasks (task_id, run_id, flow_id, role, status, assignee, due_at, created_at, task)
  SELECT x.task_id, rid, r->>'flow_id', x.role, x.status, x.assignee, x.due_at, x.created_at, x.task
  FROM json_to_recordset(p->'tasks') AS x(task_id text, role text, status text, assignee text, due_at text, created_at text, task json)
  ON CONFLICT (task_id) DO UPDATE SET role = excluded.role, status = excluded.status, assignee = excluded.assignee,
    due_at = excluded.due_at, task = excluded.task;

  INSERT INTO requests (token_hash, run_id, request)
  SELECT x.token_hash, rid, x.request FROM json_to_recordset(p->'requests') AS x(token_hash text, request json)
  ON CONFLICT (token_hash) DO UPDATE SET request = excluded.request;

  DELETE FROM timers t WHERE t.run_id = rid
    AND NOT EXISTS (SELECT 1 FROM json_to_recordset(p->'timers') AS x(timer_id text) WHERE x.timer_id = t.timer_id);
  INSERT INTO timers (run_id, timer_id, fire_at)
  SELECT rid, x.timer_id, x.fire_at FROM json_to_recordset(p->'timers') AS x(timer_id text, fire_at timestamptz)
  ON CONFLICT (run_id, timer_id) DO UPDATE SET fire_at = excluded.fire_at;

  DELETE FROM deliveries d WHERE d.run_id = rid
    AND NOT EXISTS (SELECT 1 FROM json_to_recordset(p->'deliveries') AS x(message_id text, channel text)
                    WHERE x.message_id = d.message_id AND x.channel = d.channel);
  -- A recorded attempt ends the claim that made it; the retry time decides the next one.
  INSERT INTO deliveries (message_id, channel, run_id, attempts, retry_at)
  SELECT x.message_id, x.channel, rid, x.attempts, x.retry_at
  FROM json_to_recordset(p->'deliveries') AS x(message_id text, channel text, attempts integer, retry_at timestamptz)
  ON CONFLICT (message_id, channel, run_id) DO UPDATE SET attempts = excluded.attempts, retry_at = excluded.retry_at,
    lease_until = CASE WHEN deliveries.attempts = excluded.attempts THEN deliveries.lease_until END;

  INSERT INTO outbox (run_id, message_id, flow_id, purpose, recipient, created_at, message)
  SELECT rid, x.message->>'id', r->>'flow_id', x.message->>'purpose', x.message->>'to', x.message->>'createdAt', x.message
  FROM json_to_recordset(p->'outbox') AS x(message json);

  RETURN 'ok';
END
$$;
