import GRDB

/// The versioned schema. Never edit a registered migration: add a new one. A file's
/// version is the number of migrations applied to it; one with migrations this Encore
/// does not know was written by a newer Encore and is refused.
enum Schema {
  /// `PRAGMA application_id` of every Encore database: "Enc1" in ASCII.
  static let applicationID: Int32 = 0x456E_6331

  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1: catalog, holds, payments, points, queue") { db in
      try db.execute(sql: v1)
    }
    migrator.registerMigration("v2: queue position index and flow") { db in
      try db.execute(sql: v2)
      // Index whoever is already waiting.
      let waiting = try Row.fetchAll(
        db,
        sql: "SELECT concert_id, seq FROM queue_token WHERE state = 'waiting' AND seq IS NOT NULL")
      for (concert, rows) in Dictionary(grouping: waiting, by: { $0["concert_id"] as String }) {
        try QueueIndex.add(db, concert: ConcertID(concert), seqs: rows.map { $0["seq"] }, delta: 1)
      }
    }
    migrator.registerMigration("v3: queue policy per concert") { db in
      try db.execute(sql: v3)
    }
    migrator.registerMigration("v4: Encore's mark, box-office sales, hashed tokens") { db in
      db.add(function: sha256)
      try db.execute(sql: v4)
      try db.execute(sql: "PRAGMA application_id = \(applicationID)")
    }
    migrator.registerMigration("v5: claimed turns, turn rules, seat versions") { db in
      try db.execute(sql: v5)
    }
    migrator.registerMigration("v6: operators") { db in
      try db.execute(sql: v6)
    }
    migrator.registerMigration("v7: when the front joined, how long walk-aways stay") { db in
      try db.execute(sql: v7)
    }
    return migrator
  }

  /// `encore_sha256(text)`: a token's digest, for hashing the tokens stored before v4.
  private static let sha256 = DatabaseFunction("encore_sha256", argumentCount: 1, pure: true) {
    values in String.fromDatabaseValue(values[0]).map(TokenDigest.of)
  }

  private static let v1 = """
    CREATE TABLE concert (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      venue TEXT NOT NULL,
      sale_opens_at INTEGER,
      sort_order INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE tier (
      concert_id TEXT NOT NULL REFERENCES concert(id),
      name TEXT NOT NULL,
      price INTEGER NOT NULL CHECK (price > 0),
      rank INTEGER NOT NULL,
      PRIMARY KEY (concert_id, name)
    ) STRICT;

    CREATE TABLE seat (
      id INTEGER PRIMARY KEY,
      concert_id TEXT NOT NULL REFERENCES concert(id),
      label TEXT NOT NULL COLLATE NOCASE,
      section TEXT NOT NULL,
      row_label TEXT NOT NULL,
      number INTEGER NOT NULL,
      tier TEXT NOT NULL,
      grid_row INTEGER NOT NULL,
      grid_col INTEGER NOT NULL,
      UNIQUE (concert_id, label),
      FOREIGN KEY (concert_id, tier) REFERENCES tier(concert_id, name)
    ) STRICT;

    CREATE TABLE concert_date (
      id INTEGER PRIMARY KEY,
      concert_id TEXT NOT NULL REFERENCES concert(id),
      starts_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX concert_date_by_concert ON concert_date(concert_id, starts_at);

    CREATE TABLE hold (
      id INTEGER PRIMARY KEY,
      user_id TEXT NOT NULL,
      date_id INTEGER NOT NULL REFERENCES concert_date(id),
      token TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL,
      released_at INTEGER,
      amount INTEGER NOT NULL CHECK (amount > 0)
    ) STRICT;
    CREATE INDEX hold_by_user ON hold(user_id, id);

    CREATE TABLE hold_seat (
      hold_id INTEGER NOT NULL REFERENCES hold(id),
      seat_id INTEGER NOT NULL REFERENCES seat(id),
      price INTEGER NOT NULL,
      PRIMARY KEY (hold_id, seat_id)
    ) STRICT, WITHOUT ROWID;

    -- One row per seat per date. A seat is sold when sold_to is set; held while
    -- held_until is in the future; otherwise available (an expired hold is no hold).
    CREATE TABLE seat_state (
      date_id INTEGER NOT NULL REFERENCES concert_date(id),
      seat_id INTEGER NOT NULL REFERENCES seat(id),
      hold_id INTEGER REFERENCES hold(id),
      holder TEXT,
      held_until INTEGER,
      sold_to TEXT,
      payment_id INTEGER REFERENCES payment(id),
      PRIMARY KEY (date_id, seat_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX seat_state_by_hold ON seat_state(hold_id);
    CREATE INDEX seat_state_by_holder ON seat_state(holder, date_id) WHERE holder IS NOT NULL;
    CREATE INDEX seat_state_by_buyer ON seat_state(sold_to, date_id) WHERE sold_to IS NOT NULL;

    CREATE TABLE payment (
      id INTEGER PRIMARY KEY,
      hold_id INTEGER NOT NULL UNIQUE REFERENCES hold(id),
      user_id TEXT NOT NULL,
      amount INTEGER NOT NULL CHECK (amount > 0),
      paid_at INTEGER NOT NULL,
      balance_after INTEGER NOT NULL CHECK (balance_after >= 0)
    ) STRICT;

    -- The last line of defence: a seat of a date is sold to one buyer at most.
    CREATE TABLE ticket (
      id INTEGER PRIMARY KEY,
      payment_id INTEGER NOT NULL REFERENCES payment(id),
      user_id TEXT NOT NULL,
      date_id INTEGER NOT NULL REFERENCES concert_date(id),
      seat_id INTEGER NOT NULL REFERENCES seat(id),
      price INTEGER NOT NULL,
      UNIQUE (date_id, seat_id)
    ) STRICT;
    CREATE INDEX ticket_by_user ON ticket(user_id, id);

    CREATE TABLE account (
      user_id TEXT PRIMARY KEY,
      balance INTEGER NOT NULL CHECK (balance >= 0)
    ) STRICT;

    CREATE TABLE ledger (
      id INTEGER PRIMARY KEY,
      user_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('charge', 'payment')),
      delta INTEGER NOT NULL CHECK (delta <> 0),
      balance_after INTEGER NOT NULL CHECK (balance_after >= 0),
      payment_id INTEGER UNIQUE REFERENCES payment(id),
      at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX ledger_by_user ON ledger(user_id, id);

    -- Arrival order is `seq`, handed out by queue_line.next_seq inside the write
    -- lock: two joins in the same millisecond are still strictly ordered.
    CREATE TABLE queue_line (
      concert_id TEXT PRIMARY KEY REFERENCES concert(id),
      next_seq INTEGER NOT NULL DEFAULT 1,
      opened INTEGER NOT NULL DEFAULT 1,
      paused INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    CREATE TABLE queue_token (
      token TEXT PRIMARY KEY,
      concert_id TEXT NOT NULL REFERENCES concert(id),
      user_id TEXT NOT NULL,
      seq INTEGER,
      state TEXT NOT NULL CHECK (state IN ('waiting', 'active', 'used', 'expired', 'left')),
      issued_at INTEGER NOT NULL,
      last_seen_at INTEGER NOT NULL,
      admitted_at INTEGER,
      active_until INTEGER,
      ahead_at_join INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE UNIQUE INDEX queue_token_live ON queue_token(concert_id, user_id)
      WHERE state IN ('waiting', 'active');
    CREATE UNIQUE INDEX queue_token_order ON queue_token(concert_id, seq);
    CREATE INDEX queue_token_by_state ON queue_token(concert_id, state, seq);
    CREATE INDEX queue_token_admitted ON queue_token(concert_id, admitted_at);
    CREATE INDEX queue_token_seen ON queue_token(concert_id, state, last_seen_at);
    """

  private static let v2 = """
    CREATE TABLE queue_fenwick (
      concert_id TEXT NOT NULL,
      node INTEGER NOT NULL,
      total INTEGER NOT NULL,
      PRIMARY KEY (concert_id, node)
    ) STRICT, WITHOUT ROWID;
    ALTER TABLE queue_line ADD COLUMN waiting_count INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE queue_line ADD COLUMN flow REAL NOT NULL DEFAULT 0;
    ALTER TABLE queue_line ADD COLUMN flow_at INTEGER;
    ALTER TABLE queue_line ADD COLUMN flow_since INTEGER;
    ALTER TABLE queue_line ADD COLUMN swept_at INTEGER NOT NULL DEFAULT 0;
    """

  private static let v3 = """
    ALTER TABLE queue_line ADD COLUMN active_capacity INTEGER;
    ALTER TABLE queue_line ADD COLUMN admissions_per_minute INTEGER;
    ALTER TABLE queue_line ADD COLUMN active_idle_ms INTEGER NOT NULL DEFAULT 600000;
    ALTER TABLE queue_line ADD COLUMN waiting_grace_ms INTEGER NOT NULL DEFAULT 300000;
    UPDATE queue_line SET active_capacity = 100;
    """

  /// A sold seat says how it was sold (`sale`); `sold_to` names a buyer only for online
  /// sales, so no user can be the box office. Tokens are kept as their SHA-256 only.
  private static let v4 = """
    ALTER TABLE seat_state ADD COLUMN sale TEXT CHECK (sale IN ('online', 'box_office'));
    UPDATE seat_state SET sale = 'box_office', sold_to = NULL
      WHERE sold_to = 'box-office' AND payment_id IS NULL;
    UPDATE seat_state SET sale = 'online' WHERE sold_to IS NOT NULL;
    UPDATE queue_token SET token = encore_sha256(token);
    UPDATE hold SET token = encore_sha256(token);
    """

  /// A turn's end is computed from the line's rules when it is checked, never stored:
  /// `active_until` goes. Every change to a seat's state bumps its date's `seat_version`
  /// and stamps the row, so a seat map refresh re-reads only what changed.
  private static let v5 = """
    ALTER TABLE queue_token ADD COLUMN claimed_at INTEGER;
    UPDATE queue_token SET claimed_at = admitted_at WHERE state = 'active';
    ALTER TABLE queue_token DROP COLUMN active_until;
    ALTER TABLE queue_line ADD COLUMN claim_window_ms INTEGER NOT NULL DEFAULT 60000;
    ALTER TABLE queue_line ADD COLUMN longest_turn_ms INTEGER NOT NULL DEFAULT 1200000;
    ALTER TABLE queue_line ADD COLUMN front_seq INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE queue_line ADD COLUMN seq_flow REAL NOT NULL DEFAULT 0;
    ALTER TABLE queue_line ADD COLUMN turn_mean_ms REAL;
    ALTER TABLE queue_line ADD COLUMN lapse_share REAL;

    ALTER TABLE concert_date ADD COLUMN seat_version INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE seat_state ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX seat_state_by_version ON seat_state(date_id, version);
    CREATE TRIGGER seat_state_changed AFTER UPDATE OF hold_id, holder, held_until, sold_to, sale
    ON seat_state BEGIN
      UPDATE concert_date SET seat_version = seat_version + 1 WHERE id = NEW.date_id;
      UPDATE seat_state SET version = (SELECT seat_version FROM concert_date WHERE id = NEW.date_id)
      WHERE date_id = NEW.date_id AND seat_id = NEW.seat_id;
    END;
    """

  /// The names allowed to change how a sale runs (see ``OperatorStore``).
  private static let v6 = """
    CREATE TABLE operators (
      name TEXT PRIMARY KEY,
      added_at INTEGER NOT NULL,
      added_by TEXT
    ) STRICT;
    """

  /// What the estimate needs to tell which walk-aways ahead reach the front (and hold a
  /// slot for the claim window) and which the grace sweep takes out first: when the
  /// person at the front joined, how long after joining walk-aways are swept; and the
  /// claims, decayed like the admissions, so that the share let in who never claim shows
  /// within seconds rather than a claim window later.
  private static let v7 = """
    ALTER TABLE queue_line ADD COLUMN front_joined_at INTEGER;
    ALTER TABLE queue_line ADD COLUMN sweep_age_ms REAL;
    ALTER TABLE queue_line ADD COLUMN claim_flow REAL NOT NULL DEFAULT 0;
    """
}
