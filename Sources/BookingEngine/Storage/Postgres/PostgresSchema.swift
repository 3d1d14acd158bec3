#if PostgreSQL
  import Foundation

  /// The PostgreSQL schema, versioned like the SQLite one: `encore_schema` lists the
  /// versions applied, and its presence is Encore's mark. A database with other tables and
  /// no mark is another application's; one with a version this Encore does not know was
  /// set up by a newer Encore. Both are refused untouched. Never edit a migration: add one.
  enum PostgresSchema {
    /// Migration 1 is the schema of SQLite's v1–v5 whole; 2 adds the operator list
    /// (SQLite's v6), 3 what the wait estimate needs (SQLite's v7), 4 the announcements
    /// live views listen for (PostgreSQL only).
    static let migrations: [String] = [v1, v2, v3, v4]

    static var latest: Int { migrations.count }

    /// A migration's statements, one by one (a prepared statement holds only one): split
    /// at each `;` that ends a line outside a `$$`-quoted function body.
    static func statements(of migration: String) -> [String] {
      var statements: [String] = []
      var current = ""
      var quoted = false
      for line in migration.split(separator: "\n", omittingEmptySubsequences: false) {
        current += line + "\n"
        if line.components(separatedBy: "$$").count % 2 == 0 { quoted.toggle() }
        if !quoted && line.hasSuffix(";") {
          statements.append(current)
          current = ""
        }
      }
      if !current.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
        statements.append(current)
      }
      return statements
    }

    /// Taken (per transaction, with the schema's hash) while migrating, so several
    /// processes opening one new database set it up once.
    static let migrationLock: Int32 = 0x456E_6331

    static let mark = """
      CREATE TABLE IF NOT EXISTS encore_schema (
        version BIGINT PRIMARY KEY,
        applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
      )
      """

    private static let v1 = """
      CREATE TABLE concert (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        venue TEXT NOT NULL,
        sale_opens_at BIGINT,
        sort_order BIGINT NOT NULL
      );
      CREATE TABLE tier (
        concert_id TEXT NOT NULL REFERENCES concert(id),
        name TEXT NOT NULL,
        price BIGINT NOT NULL CHECK (price > 0),
        rank BIGINT NOT NULL,
        PRIMARY KEY (concert_id, name)
      );
      CREATE TABLE seat (
        id BIGSERIAL PRIMARY KEY,
        concert_id TEXT NOT NULL REFERENCES concert(id),
        label TEXT NOT NULL,
        section TEXT NOT NULL,
        row_label TEXT NOT NULL,
        number BIGINT NOT NULL,
        tier TEXT NOT NULL,
        grid_row BIGINT NOT NULL,
        grid_col BIGINT NOT NULL,
        FOREIGN KEY (concert_id, tier) REFERENCES tier(concert_id, name)
      );
      -- Labels are unique regardless of case, as SQLite's COLLATE NOCASE makes them.
      CREATE UNIQUE INDEX seat_label ON seat(concert_id, lower(label));
      CREATE TABLE concert_date (
        id BIGSERIAL PRIMARY KEY,
        concert_id TEXT NOT NULL REFERENCES concert(id),
        starts_at BIGINT NOT NULL,
        seat_version BIGINT NOT NULL DEFAULT 0
      );
      CREATE INDEX concert_date_by_concert ON concert_date(concert_id, starts_at);
      CREATE TABLE hold (
        id BIGSERIAL PRIMARY KEY,
        user_id TEXT NOT NULL,
        date_id BIGINT NOT NULL REFERENCES concert_date(id),
        token TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        released_at BIGINT,
        amount BIGINT NOT NULL CHECK (amount > 0)
      );
      CREATE INDEX hold_by_user ON hold(user_id, id);
      CREATE TABLE hold_seat (
        hold_id BIGINT NOT NULL REFERENCES hold(id),
        seat_id BIGINT NOT NULL REFERENCES seat(id),
        price BIGINT NOT NULL,
        PRIMARY KEY (hold_id, seat_id)
      );
      CREATE TABLE payment (
        id BIGSERIAL PRIMARY KEY,
        hold_id BIGINT NOT NULL UNIQUE REFERENCES hold(id),
        user_id TEXT NOT NULL,
        amount BIGINT NOT NULL CHECK (amount > 0),
        paid_at BIGINT NOT NULL,
        balance_after BIGINT NOT NULL CHECK (balance_after >= 0)
      );
      CREATE TABLE seat_state (
        date_id BIGINT NOT NULL REFERENCES concert_date(id),
        seat_id BIGINT NOT NULL REFERENCES seat(id),
        hold_id BIGINT REFERENCES hold(id),
        holder TEXT,
        held_until BIGINT,
        sold_to TEXT,
        payment_id BIGINT REFERENCES payment(id),
        sale TEXT CHECK (sale IN ('online', 'box_office')),
        version BIGINT NOT NULL DEFAULT 0,
        PRIMARY KEY (date_id, seat_id)
      );
      CREATE INDEX seat_state_by_hold ON seat_state(hold_id);
      CREATE INDEX seat_state_by_holder ON seat_state(holder, date_id) WHERE holder IS NOT NULL;
      CREATE INDEX seat_state_by_buyer ON seat_state(sold_to, date_id) WHERE sold_to IS NOT NULL;
      CREATE INDEX seat_state_by_version ON seat_state(date_id, version);
      -- Every change to a seat bumps its date's version and stamps the row, as SQLite's
      -- trigger does.
      CREATE FUNCTION encore_seat_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE concert_date SET seat_version = seat_version + 1 WHERE id = NEW.date_id
          RETURNING seat_version INTO NEW.version;
        RETURN NEW;
      END $$;
      CREATE TRIGGER seat_state_changed BEFORE UPDATE OF hold_id, holder, held_until, sold_to, sale
        ON seat_state FOR EACH ROW
        WHEN (OLD.hold_id IS DISTINCT FROM NEW.hold_id OR OLD.holder IS DISTINCT FROM NEW.holder
          OR OLD.held_until IS DISTINCT FROM NEW.held_until OR OLD.sold_to IS DISTINCT FROM NEW.sold_to
          OR OLD.sale IS DISTINCT FROM NEW.sale)
        EXECUTE FUNCTION encore_seat_changed();
      CREATE TABLE ticket (
        id BIGSERIAL PRIMARY KEY,
        payment_id BIGINT NOT NULL REFERENCES payment(id),
        user_id TEXT NOT NULL,
        date_id BIGINT NOT NULL REFERENCES concert_date(id),
        seat_id BIGINT NOT NULL REFERENCES seat(id),
        price BIGINT NOT NULL,
        UNIQUE (date_id, seat_id)
      );
      CREATE INDEX ticket_by_user ON ticket(user_id, id);
      CREATE TABLE account (
        user_id TEXT PRIMARY KEY,
        balance BIGINT NOT NULL CHECK (balance >= 0)
      );
      CREATE TABLE ledger (
        id BIGSERIAL PRIMARY KEY,
        user_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('charge', 'payment')),
        delta BIGINT NOT NULL CHECK (delta <> 0),
        balance_after BIGINT NOT NULL CHECK (balance_after >= 0),
        payment_id BIGINT UNIQUE REFERENCES payment(id),
        at BIGINT NOT NULL
      );
      CREATE INDEX ledger_by_user ON ledger(user_id, id);
      -- Arrival order is `seq`, handed out by next_seq while the line's row is locked.
      CREATE TABLE queue_line (
        concert_id TEXT PRIMARY KEY REFERENCES concert(id),
        next_seq BIGINT NOT NULL DEFAULT 1,
        opened BOOLEAN NOT NULL DEFAULT TRUE,
        paused BOOLEAN NOT NULL DEFAULT FALSE,
        waiting_count BIGINT NOT NULL DEFAULT 0,
        flow DOUBLE PRECISION NOT NULL DEFAULT 0,
        flow_at BIGINT,
        flow_since BIGINT,
        swept_at BIGINT NOT NULL DEFAULT 0,
        active_capacity BIGINT,
        admissions_per_minute BIGINT,
        active_idle_ms BIGINT NOT NULL,
        waiting_grace_ms BIGINT NOT NULL,
        claim_window_ms BIGINT NOT NULL,
        longest_turn_ms BIGINT NOT NULL,
        front_seq BIGINT NOT NULL DEFAULT 0,
        seq_flow DOUBLE PRECISION NOT NULL DEFAULT 0,
        turn_mean_ms DOUBLE PRECISION,
        lapse_share DOUBLE PRECISION
      );
      CREATE TABLE queue_token (
        token TEXT PRIMARY KEY,
        joined BIGSERIAL,
        concert_id TEXT NOT NULL REFERENCES concert(id),
        user_id TEXT NOT NULL,
        seq BIGINT,
        state TEXT NOT NULL CHECK (state IN ('waiting', 'active', 'used', 'expired', 'left')),
        issued_at BIGINT NOT NULL,
        last_seen_at BIGINT NOT NULL,
        admitted_at BIGINT,
        claimed_at BIGINT,
        ahead_at_join BIGINT NOT NULL DEFAULT 0
      );
      CREATE UNIQUE INDEX queue_token_live ON queue_token(concert_id, user_id)
        WHERE state IN ('waiting', 'active');
      CREATE UNIQUE INDEX queue_token_order ON queue_token(concert_id, seq);
      CREATE INDEX queue_token_waiting ON queue_token(concert_id, seq) WHERE state = 'waiting';
      -- Who is waiting, by arrival number, as SQLite keeps it (see QueueIndex): a position
      -- reads at most 32 rows however long the line.
      CREATE TABLE queue_fenwick (
        concert_id TEXT NOT NULL,
        node BIGINT NOT NULL,
        total BIGINT NOT NULL,
        PRIMARY KEY (concert_id, node)
      );
      CREATE INDEX queue_token_active ON queue_token(concert_id) WHERE state = 'active';
      CREATE INDEX queue_token_admitted ON queue_token(concert_id, admitted_at);
      CREATE INDEX queue_token_seen ON queue_token(concert_id, state, last_seen_at);
      """

    /// The names allowed to change how a sale runs (SQLite's v6, see ``OperatorRules``).
    private static let v2 = """
      CREATE TABLE operators (
        name TEXT PRIMARY KEY,
        added_at BIGINT NOT NULL,
        added_by TEXT
      );
      """

    /// When the person at the front joined, how long after joining walk-aways are swept,
    /// and the decayed claims (SQLite's v7, see ``QueueLine/estimate(for:at:full:)``).
    private static let v3 = """
      ALTER TABLE queue_line ADD COLUMN front_joined_at BIGINT;
      ALTER TABLE queue_line ADD COLUMN sweep_age_ms DOUBLE PRECISION;
      ALTER TABLE queue_line ADD COLUMN claim_flow DOUBLE PRECISION NOT NULL DEFAULT 0;
      """

    /// The channel every Encore schema of a database announces its changes on.
    static let channel = "encore_changes"

    /// Announcements for live views (see ``PostgresListener``), on ``channel`` as small JSON
    /// objects naming the schema (NOTIFY is database-wide): a date's new seat version, once
    /// per statement; a turn that ended (the token's first 16 characters); a line that moved
    /// or whose rules changed; everything wiped. Identical payloads in one transaction are
    /// delivered once, so a batch of admissions is one announcement.
    private static let v4 = """
      CREATE FUNCTION encore_announce_seats() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('encore_changes', json_build_object(
          'schema', TG_TABLE_SCHEMA, 'date', date_id, 'version', MAX(version))::text)
        FROM changed GROUP BY date_id;
        RETURN NULL;
      END $$;
      CREATE TRIGGER seat_state_announced AFTER UPDATE ON seat_state
        REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
        EXECUTE FUNCTION encore_announce_seats();
      CREATE FUNCTION encore_announce_token() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('encore_changes', json_build_object(
          'schema', TG_TABLE_SCHEMA, 'concert', NEW.concert_id,
          'token', CASE WHEN OLD.state = 'active' THEN left(NEW.token, 16) END)::text);
        RETURN NULL;
      END $$;
      CREATE TRIGGER queue_token_announced AFTER UPDATE OF state ON queue_token FOR EACH ROW
        WHEN (OLD.state IS DISTINCT FROM NEW.state AND OLD.state IN ('waiting', 'active'))
        EXECUTE FUNCTION encore_announce_token();
      CREATE FUNCTION encore_announce_line() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('encore_changes', json_build_object(
          'schema', TG_TABLE_SCHEMA, 'concert', NEW.concert_id, 'rules', true)::text);
        RETURN NULL;
      END $$;
      CREATE TRIGGER queue_line_announced AFTER UPDATE ON queue_line FOR EACH ROW
        WHEN (OLD.opened IS DISTINCT FROM NEW.opened OR OLD.paused IS DISTINCT FROM NEW.paused
          OR OLD.active_capacity IS DISTINCT FROM NEW.active_capacity
          OR OLD.admissions_per_minute IS DISTINCT FROM NEW.admissions_per_minute
          OR OLD.active_idle_ms IS DISTINCT FROM NEW.active_idle_ms
          OR OLD.waiting_grace_ms IS DISTINCT FROM NEW.waiting_grace_ms
          OR OLD.claim_window_ms IS DISTINCT FROM NEW.claim_window_ms
          OR OLD.longest_turn_ms IS DISTINCT FROM NEW.longest_turn_ms)
        EXECUTE FUNCTION encore_announce_line();
      CREATE FUNCTION encore_announce_reset() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('encore_changes', json_build_object(
          'schema', TG_TABLE_SCHEMA, 'reset', true)::text);
        RETURN NULL;
      END $$;
      CREATE TRIGGER concert_date_reset AFTER TRUNCATE ON concert_date
        FOR EACH STATEMENT EXECUTE FUNCTION encore_announce_reset();
      CREATE TRIGGER queue_token_reset AFTER TRUNCATE ON queue_token
        FOR EACH STATEMENT EXECUTE FUNCTION encore_announce_reset();
      """
  }
#endif
