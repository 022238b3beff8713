import type { Knex } from 'knex';

// The enumerations as of this migration (a later change of domain/cases/enums.ts needs a new one).
const OPEN_CASE_STATUSES = ['registered', 'assigning', 'controlling', 'rectifying', 'rechecking', 'closing'];

/**
 * The statistics model's summary tables (migration 0022) kept current by the transactions that write
 * the raw rows: AFTER UPDATE and AFTER DELETE … FOR EACH ROW triggers take a row's old contribution away
 * and add its new one (`n` deltas; a summary row that reaches 0 is deleted, so a summary never holds a
 * row a recount would not make); an UPDATE trigger runs only when a column it counts changed (its WHEN
 * clause): a case step that changes nothing counted costs nothing. Inserts are counted per statement
 * (transition tables), so an import or a seed of thousands of rows in one statement makes one upsert
 * per summary row it touches rather than thousands of updates of the same few rows.
 *
 * What each row counts is written once, in the `stats_*` SQL functions below, which the triggers and
 * the rebuild (domain/statistics/rebuild.ts) both use:
 * - buildings → stats_houses (its dimensions now), stats_house_inspected (latest_judgement_at); a change
 *   of a house's dimensions moves its cases in stats_cases.
 * - cases → stats_cases; stats_daily `found` (not cancelled, by creation day), `closed` (status closed,
 *   by closed_at day); a change of the case's region, category, severity or origin moves `escalated`.
 * - case_escalations → stats_daily `escalated` (the first, no = 1, by requested_at day, with the case's
 *   region, category, severity and origin).
 * - complaints → stats_daily `complaint_received` (created_at day), `complaint_confirmed` /
 *   `complaint_unfounded` (verified_at day), category the complaint's.
 * - inspections → stats_daily `inspection` (inspected_at day, origin its kind); a change of kind moves
 *   the origin of the cases it opened.
 * - tasks → stats_step_days when completed.
 *
 * Concurrency: a case's row counts its house's dimensions. A case write that changes what it counts
 * reads them under the house row's lock (FOR NO KEY UPDATE, the lock the application's lockHouse takes
 * and a house edit holds), so a house edit in flight finishes first and the case is counted with the
 * house as edited, or the edit waits and then moves the case as written. A house edit locks no case: a
 * step that locks its case, then its house (refreshSafetyState), never waits for an edit that waits for
 * it. The functions run with the caller's rights: the application role has DML on the summary tables
 * (default privileges of migration 0017).
 */
export async function up(knex: Knex): Promise<void> {
  const open = OPEN_CASE_STATUSES.map((s) => `'${s}'`).join(', ');
  // knex.raw reads a bare ? as a binding: none is used below.
  await knex.raw(`
    -- What a row counts ---------------------------------------------------------------------------------

    CREATE FUNCTION stats_beijing_month(at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT date_trunc('month', at AT TIME ZONE 'Asia/Shanghai')::date
    $$;

    -- A house's dimensions, in stats_houses' column order after village_code.
    CREATE FUNCTION stats_house_dims(b buildings) RETURNS text[] LANGUAGE sql STABLE PARALLEL SAFE AS $$
      SELECT ARRAY[b.use, coalesce(b.business_category, 'none'), stats_floors_band(b.floors_above), b.structure_type,
                   stats_year_band(b.year_built), coalesce(b.appraisal_grade, 'none'), coalesce(b.latest_judgement, 'none'),
                   b.risk_tier]
    $$;

    -- Where a case came from: officer, complaint, or the kind (daily, special) of the inspection that opened it.
    CREATE FUNCTION stats_case_origin(source text, source_ref text) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
      SELECT CASE WHEN source <> 'inspection' THEN source
                  WHEN source_ref !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN 'daily'
                  ELSE coalesce((SELECT i.kind FROM inspections i WHERE i.id = source_ref::uuid), 'daily') END
    $$;

    -- The Beijing day of an open case's deadline; NULL without one or once closed or cancelled.
    CREATE FUNCTION stats_case_due_on(status text, due_at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT CASE WHEN status IN (${open}) THEN stats_beijing_day(due_at) END
    $$;

    -- Whole days a task took, 0 to 366.
    CREATE FUNCTION stats_task_days(created_at timestamptz, completed_at timestamptz) RETURNS integer
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT least(greatest(floor(extract(epoch FROM completed_at - created_at) / 86400), 0), 366)::integer
    $$;

    -- Adding to a summary row (delta may be negative; a row that reaches 0 goes) ---------------------------

    CREATE FUNCTION stats_bump_house(village text, h text[], delta integer) RETURNS void LANGUAGE plpgsql AS $$
    DECLARE
      left_n integer;
      at tid;
    BEGIN
      INSERT INTO stats_houses AS s VALUES (village, h[1], h[2], h[3], h[4], h[5], h[6], h[7], h[8], delta)
      ON CONFLICT ON CONSTRAINT stats_houses_pkey DO UPDATE SET n = s.n + EXCLUDED.n
      RETURNING s.n, s.ctid INTO left_n, at;
      IF left_n = 0 THEN DELETE FROM stats_houses WHERE ctid = at; END IF;
    END $$;

    CREATE FUNCTION stats_bump_house_inspected(village text, inspected_on date, delta integer) RETURNS void LANGUAGE plpgsql AS $$
    DECLARE
      left_n integer;
      at tid;
    BEGIN
      IF inspected_on IS NULL THEN RETURN; END IF;
      INSERT INTO stats_house_inspected AS s VALUES (village, inspected_on, delta)
      ON CONFLICT ON CONSTRAINT stats_house_inspected_pkey DO UPDATE SET n = s.n + EXCLUDED.n
      RETURNING s.n, s.ctid INTO left_n, at;
      IF left_n = 0 THEN DELETE FROM stats_house_inspected WHERE ctid = at; END IF;
    END $$;

    CREATE FUNCTION stats_bump_case(region text, found_month date, category text, severity text, origin text, status text,
                                    due_on date, h text[], delta integer) RETURNS void LANGUAGE plpgsql AS $$
    DECLARE
      left_n integer;
      at tid;
    BEGIN
      INSERT INTO stats_cases AS s
      VALUES (region, found_month, category, severity, origin, status, due_on, h[1], h[2], h[3], h[4], h[5], h[6], h[7], h[8], delta)
      ON CONFLICT ON CONSTRAINT stats_cases_key DO UPDATE SET n = s.n + EXCLUDED.n
      RETURNING s.n, s.ctid INTO left_n, at;
      IF left_n = 0 THEN DELETE FROM stats_cases WHERE ctid = at; END IF;
    END $$;

    CREATE FUNCTION stats_bump_daily(day date, region text, metric text, category text, severity text, origin text,
                                     delta integer) RETURNS void LANGUAGE plpgsql AS $$
    DECLARE
      left_n integer;
      at tid;
    BEGIN
      IF day IS NULL THEN RETURN; END IF;
      INSERT INTO stats_daily AS s VALUES (day, region, metric, category, severity, origin, delta)
      ON CONFLICT ON CONSTRAINT stats_daily_pkey DO UPDATE SET n = s.n + EXCLUDED.n
      RETURNING s.n, s.ctid INTO left_n, at;
      IF left_n = 0 THEN DELETE FROM stats_daily WHERE ctid = at; END IF;
    END $$;

    CREATE FUNCTION stats_bump_step(region text, completed_month date, step text, days integer, late boolean, delta integer)
      RETURNS void LANGUAGE plpgsql AS $$
    DECLARE
      left_n integer;
      at tid;
    BEGIN
      INSERT INTO stats_step_days AS s VALUES (region, completed_month, step, days, late, delta)
      ON CONFLICT ON CONSTRAINT stats_step_days_pkey DO UPDATE SET n = s.n + EXCLUDED.n
      RETURNING s.n, s.ctid INTO left_n, at;
      IF left_n = 0 THEN DELETE FROM stats_step_days WHERE ctid = at; END IF;
    END $$;

    -- Everything one case counts, with the given origin and house dimensions, times sign.
    CREATE FUNCTION stats_case_contribute(c cases, origin text, h text[], sign integer) RETURNS void LANGUAGE plpgsql AS $$
    DECLARE
      escalated_at timestamptz;
    BEGIN
      PERFORM stats_bump_case(c.region_code, stats_beijing_month(c.created_at), c.category, c.severity, origin, c.status,
                              stats_case_due_on(c.status, c.due_at), h, sign);
      IF c.status <> 'cancelled' THEN
        PERFORM stats_bump_daily(stats_beijing_day(c.created_at), c.region_code, 'found', c.category, c.severity, origin, sign);
      END IF;
      IF c.status = 'closed' THEN
        PERFORM stats_bump_daily(stats_beijing_day(c.closed_at), c.region_code, 'closed', c.category, c.severity, origin, sign);
      END IF;
      SELECT requested_at INTO escalated_at FROM case_escalations WHERE case_id = c.id AND no = 1;
      PERFORM stats_bump_daily(stats_beijing_day(escalated_at), c.region_code, 'escalated', c.category, c.severity, origin, sign);
    END $$;

    -- Inserts, counted per statement (an import or a seed writes thousands of rows in one statement: one
    -- upsert per summary row they touch, not one per raw row) ------------------------------------------

    CREATE FUNCTION stats_buildings_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO stats_houses AS s
      SELECT village_code, h[1], h[2], h[3], h[4], h[5], h[6], h[7], h[8], n
      FROM (SELECT village_code, stats_house_dims(b) AS h, count(*)::integer AS n FROM inserted b GROUP BY 1, 2) g
      ON CONFLICT ON CONSTRAINT stats_houses_pkey DO UPDATE SET n = s.n + EXCLUDED.n;
      INSERT INTO stats_house_inspected AS s
      SELECT village_code, latest_judgement_at, count(*)::integer FROM inserted WHERE latest_judgement_at IS NOT NULL GROUP BY 1, 2
      ON CONFLICT ON CONSTRAINT stats_house_inspected_pkey DO UPDATE SET n = s.n + EXCLUDED.n;
      RETURN NULL;
    END $$;

    CREATE FUNCTION stats_cases_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      -- A house edit in flight finishes first (or waits for these cases): see the migration's comment.
      PERFORM 1 FROM buildings WHERE code IN (SELECT building_code FROM inserted) ORDER BY code FOR NO KEY UPDATE;
      INSERT INTO stats_cases AS s
      SELECT region_code, found_month, category, severity, origin, status, due_on, h[1], h[2], h[3], h[4], h[5], h[6], h[7], h[8], n
      FROM (SELECT c.region_code, stats_beijing_month(c.created_at) AS found_month, c.category, c.severity,
                   stats_case_origin(c.source, c.source_ref) AS origin, c.status, stats_case_due_on(c.status, c.due_at) AS due_on,
                   stats_house_dims(b) AS h, count(*)::integer AS n
            FROM inserted c JOIN buildings b ON b.code = c.building_code
            GROUP BY 1, 2, 3, 4, 5, 6, 7, 8) g
      ON CONFLICT ON CONSTRAINT stats_cases_key DO UPDATE SET n = s.n + EXCLUDED.n;
      -- No escalation can name a case not yet written (case_escalations_case_fk).
      INSERT INTO stats_daily AS s
      SELECT day, region_code, metric, category, severity, origin, count(*)::integer
      FROM (SELECT stats_beijing_day(created_at) AS day, region_code, 'found' AS metric, category, severity,
                   stats_case_origin(source, source_ref) AS origin
            FROM inserted WHERE status <> 'cancelled'
            UNION ALL
            SELECT stats_beijing_day(closed_at), region_code, 'closed', category, severity, stats_case_origin(source, source_ref)
            FROM inserted WHERE status = 'closed' AND closed_at IS NOT NULL) e
      GROUP BY 1, 2, 3, 4, 5, 6
      ON CONFLICT ON CONSTRAINT stats_daily_pkey DO UPDATE SET n = s.n + EXCLUDED.n;
      RETURN NULL;
    END $$;

    CREATE FUNCTION stats_complaints_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO stats_daily AS s
      SELECT day, region_code, metric, category, 'none', 'none', count(*)::integer
      FROM (SELECT stats_beijing_day(created_at) AS day, region_code, 'complaint_received' AS metric, category FROM inserted
            UNION ALL
            SELECT stats_beijing_day(verified_at), region_code, 'complaint_' || status, category
            FROM inserted WHERE status IN ('confirmed', 'unfounded') AND verified_at IS NOT NULL) e
      GROUP BY 1, 2, 3, 4
      ON CONFLICT ON CONSTRAINT stats_daily_pkey DO UPDATE SET n = s.n + EXCLUDED.n;
      RETURN NULL;
    END $$;

    CREATE FUNCTION stats_inspections_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO stats_daily AS s
      SELECT stats_beijing_day(inspected_at), region_code, 'inspection', 'none', 'none', kind, count(*)::integer
      FROM inserted GROUP BY 1, 2, 6
      ON CONFLICT ON CONSTRAINT stats_daily_pkey DO UPDATE SET n = s.n + EXCLUDED.n;
      RETURN NULL;
    END $$;

    CREATE FUNCTION stats_tasks_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO stats_step_days AS s
      SELECT case_region_code, stats_beijing_month(completed_at), step, stats_task_days(created_at, completed_at),
             due_at IS NOT NULL AND completed_at > due_at, count(*)::integer
      FROM inserted WHERE status = 'completed' AND completed_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5
      ON CONFLICT ON CONSTRAINT stats_step_days_pkey DO UPDATE SET n = s.n + EXCLUDED.n;
      RETURN NULL;
    END $$;

    -- The triggers ------------------------------------------------------------------------------------------

    CREATE FUNCTION stats_buildings_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      old_h text[];
      new_h text[];
      r record;
    BEGIN
      IF TG_OP <> 'INSERT' THEN old_h := stats_house_dims(OLD); END IF;
      IF TG_OP <> 'DELETE' THEN new_h := stats_house_dims(NEW); END IF;
      IF TG_OP <> 'UPDATE' OR OLD.village_code <> NEW.village_code OR old_h IS DISTINCT FROM new_h THEN
        IF TG_OP <> 'INSERT' THEN PERFORM stats_bump_house(OLD.village_code, old_h, -1); END IF;
        IF TG_OP <> 'DELETE' THEN PERFORM stats_bump_house(NEW.village_code, new_h, 1); END IF;
      END IF;
      IF TG_OP <> 'UPDATE' OR ROW(OLD.village_code, OLD.latest_judgement_at) IS DISTINCT FROM ROW(NEW.village_code, NEW.latest_judgement_at) THEN
        IF TG_OP <> 'INSERT' THEN PERFORM stats_bump_house_inspected(OLD.village_code, OLD.latest_judgement_at, -1); END IF;
        IF TG_OP <> 'DELETE' THEN PERFORM stats_bump_house_inspected(NEW.village_code, NEW.latest_judgement_at, 1); END IF;
      END IF;
      IF TG_OP = 'UPDATE' AND old_h IS DISTINCT FROM new_h THEN
        -- A case write in flight waits for this house's lock, then counts itself with the new dimensions.
        FOR r IN
          SELECT region_code, stats_beijing_month(created_at) AS found_month, category, severity,
                 stats_case_origin(source, source_ref) AS origin, status, stats_case_due_on(status, due_at) AS due_on,
                 count(*)::integer AS n
          FROM cases WHERE building_code = NEW.code GROUP BY 1, 2, 3, 4, 5, 6, 7
        LOOP
          PERFORM stats_bump_case(r.region_code, r.found_month, r.category, r.severity, r.origin, r.status, r.due_on, old_h, -r.n);
          PERFORM stats_bump_case(r.region_code, r.found_month, r.category, r.severity, r.origin, r.status, r.due_on, new_h, r.n);
        END LOOP;
      END IF;
      RETURN NULL;
    END $$;

    CREATE FUNCTION stats_cases_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      old_o text;
      new_o text;
      old_h text[];
      new_h text[];
      old_due date;
      new_due date;
      escalated_at timestamptz;
    BEGIN
      IF TG_OP = 'DELETE' THEN
        SELECT stats_house_dims(b) INTO old_h FROM buildings b WHERE b.code = OLD.building_code FOR NO KEY UPDATE;
        PERFORM stats_case_contribute(OLD, stats_case_origin(OLD.source, OLD.source_ref), old_h, -1);
        RETURN NULL;
      END IF;

      IF OLD.building_code <> NEW.building_code THEN
        SELECT stats_house_dims(b) INTO old_h FROM buildings b WHERE b.code = OLD.building_code FOR NO KEY UPDATE;
        SELECT stats_house_dims(b) INTO new_h FROM buildings b WHERE b.code = NEW.building_code FOR NO KEY UPDATE;
      ELSE
        SELECT stats_house_dims(b) INTO new_h FROM buildings b WHERE b.code = NEW.building_code FOR NO KEY UPDATE;
        old_h := new_h;
      END IF;
      old_o := stats_case_origin(OLD.source, OLD.source_ref);
      IF ROW(OLD.source, OLD.source_ref) IS NOT DISTINCT FROM ROW(NEW.source, NEW.source_ref) THEN
        new_o := old_o;
      ELSE
        new_o := stats_case_origin(NEW.source, NEW.source_ref);
      END IF;
      old_due := stats_case_due_on(OLD.status, OLD.due_at);
      new_due := stats_case_due_on(NEW.status, NEW.due_at);

      -- Only what changed: a step moves the case between statuses, not its found day.
      IF ROW(OLD.region_code, stats_beijing_month(OLD.created_at), OLD.category, OLD.severity, old_o, OLD.status, old_due, old_h)
         IS DISTINCT FROM ROW(NEW.region_code, stats_beijing_month(NEW.created_at), NEW.category, NEW.severity, new_o, NEW.status, new_due, new_h) THEN
        PERFORM stats_bump_case(OLD.region_code, stats_beijing_month(OLD.created_at), OLD.category, OLD.severity, old_o, OLD.status,
                                old_due, old_h, -1);
        PERFORM stats_bump_case(NEW.region_code, stats_beijing_month(NEW.created_at), NEW.category, NEW.severity, new_o, NEW.status,
                                new_due, new_h, 1);
      END IF;
      IF ROW(OLD.status = 'cancelled', stats_beijing_day(OLD.created_at), OLD.region_code, OLD.category, OLD.severity, old_o)
         IS DISTINCT FROM ROW(NEW.status = 'cancelled', stats_beijing_day(NEW.created_at), NEW.region_code, NEW.category, NEW.severity, new_o) THEN
        IF OLD.status <> 'cancelled' THEN
          PERFORM stats_bump_daily(stats_beijing_day(OLD.created_at), OLD.region_code, 'found', OLD.category, OLD.severity, old_o, -1);
        END IF;
        IF NEW.status <> 'cancelled' THEN
          PERFORM stats_bump_daily(stats_beijing_day(NEW.created_at), NEW.region_code, 'found', NEW.category, NEW.severity, new_o, 1);
        END IF;
      END IF;
      IF ROW(OLD.status = 'closed', stats_beijing_day(OLD.closed_at), OLD.region_code, OLD.category, OLD.severity, old_o)
         IS DISTINCT FROM ROW(NEW.status = 'closed', stats_beijing_day(NEW.closed_at), NEW.region_code, NEW.category, NEW.severity, new_o) THEN
        IF OLD.status = 'closed' THEN
          PERFORM stats_bump_daily(stats_beijing_day(OLD.closed_at), OLD.region_code, 'closed', OLD.category, OLD.severity, old_o, -1);
        END IF;
        IF NEW.status = 'closed' THEN
          PERFORM stats_bump_daily(stats_beijing_day(NEW.closed_at), NEW.region_code, 'closed', NEW.category, NEW.severity, new_o, 1);
        END IF;
      END IF;
      IF ROW(OLD.id, OLD.region_code, OLD.category, OLD.severity, old_o) IS DISTINCT FROM ROW(NEW.id, NEW.region_code, NEW.category, NEW.severity, new_o) THEN
        SELECT requested_at INTO escalated_at FROM case_escalations WHERE case_id = NEW.id AND no = 1;
        PERFORM stats_bump_daily(stats_beijing_day(escalated_at), OLD.region_code, 'escalated', OLD.category, OLD.severity, old_o, -1);
        PERFORM stats_bump_daily(stats_beijing_day(escalated_at), NEW.region_code, 'escalated', NEW.category, NEW.severity, new_o, 1);
      END IF;
      RETURN NULL;
    END $$;

    CREATE FUNCTION stats_case_escalations_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      c cases;
    BEGIN
      IF TG_OP <> 'INSERT' AND OLD.no = 1 THEN
        SELECT * INTO c FROM cases WHERE id = OLD.case_id;
        IF FOUND THEN
          PERFORM stats_bump_daily(stats_beijing_day(OLD.requested_at), c.region_code, 'escalated', c.category, c.severity,
                                   stats_case_origin(c.source, c.source_ref), -1);
        END IF;
      END IF;
      IF TG_OP <> 'DELETE' AND NEW.no = 1 THEN
        SELECT * INTO c FROM cases WHERE id = NEW.case_id;
        PERFORM stats_bump_daily(stats_beijing_day(NEW.requested_at), c.region_code, 'escalated', c.category, c.severity,
                                 stats_case_origin(c.source, c.source_ref), 1);
      END IF;
      RETURN NULL;
    END $$;

    CREATE FUNCTION stats_complaints_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP <> 'INSERT' THEN
        PERFORM stats_bump_daily(stats_beijing_day(OLD.created_at), OLD.region_code, 'complaint_received', OLD.category, 'none', 'none', -1);
        IF OLD.status IN ('confirmed', 'unfounded') THEN
          PERFORM stats_bump_daily(stats_beijing_day(OLD.verified_at), OLD.region_code, 'complaint_' || OLD.status, OLD.category,
                                   'none', 'none', -1);
        END IF;
      END IF;
      IF TG_OP <> 'DELETE' THEN
        PERFORM stats_bump_daily(stats_beijing_day(NEW.created_at), NEW.region_code, 'complaint_received', NEW.category, 'none', 'none', 1);
        IF NEW.status IN ('confirmed', 'unfounded') THEN
          PERFORM stats_bump_daily(stats_beijing_day(NEW.verified_at), NEW.region_code, 'complaint_' || NEW.status, NEW.category,
                                   'none', 'none', 1);
        END IF;
      END IF;
      RETURN NULL;
    END $$;

    CREATE FUNCTION stats_inspections_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      c cases;
      h text[];
    BEGIN
      IF TG_OP <> 'INSERT' THEN
        PERFORM stats_bump_daily(stats_beijing_day(OLD.inspected_at), OLD.region_code, 'inspection', 'none', 'none', OLD.kind, -1);
      END IF;
      IF TG_OP <> 'DELETE' THEN
        PERFORM stats_bump_daily(stats_beijing_day(NEW.inspected_at), NEW.region_code, 'inspection', 'none', 'none', NEW.kind, 1);
      END IF;
      -- The cases this inspection opened take its kind as their origin (an inspection's kind never changes
      -- in the application; a new inspection is written before the cases it opens).
      IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.kind <> NEW.kind) THEN
        FOR c IN SELECT * FROM cases WHERE source = 'inspection' AND source_ref = OLD.id::text FOR NO KEY UPDATE LOOP
          SELECT stats_house_dims(b) INTO h FROM buildings b WHERE b.code = c.building_code FOR NO KEY UPDATE;
          PERFORM stats_case_contribute(c, OLD.kind, h, -1);
          PERFORM stats_case_contribute(c, stats_case_origin(c.source, c.source_ref), h, 1);
        END LOOP;
      END IF;
      RETURN NULL;
    END $$;

    CREATE FUNCTION stats_tasks_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP <> 'INSERT' AND OLD.status = 'completed' AND OLD.completed_at IS NOT NULL THEN
        PERFORM stats_bump_step(OLD.case_region_code, stats_beijing_month(OLD.completed_at), OLD.step,
                                stats_task_days(OLD.created_at, OLD.completed_at),
                                OLD.due_at IS NOT NULL AND OLD.completed_at > OLD.due_at, -1);
      END IF;
      IF TG_OP <> 'DELETE' AND NEW.status = 'completed' AND NEW.completed_at IS NOT NULL THEN
        PERFORM stats_bump_step(NEW.case_region_code, stats_beijing_month(NEW.completed_at), NEW.step,
                                stats_task_days(NEW.created_at, NEW.completed_at),
                                NEW.due_at IS NOT NULL AND NEW.completed_at > NEW.due_at, 1);
      END IF;
      RETURN NULL;
    END $$;

    CREATE TRIGGER stats_buildings_inserted AFTER INSERT ON buildings REFERENCING NEW TABLE AS inserted
      FOR EACH STATEMENT EXECUTE FUNCTION stats_buildings_inserted();
    CREATE TRIGGER stats_buildings_deleted AFTER DELETE ON buildings
      FOR EACH ROW EXECUTE FUNCTION stats_buildings_changed();
    CREATE TRIGGER stats_buildings_updated AFTER UPDATE ON buildings FOR EACH ROW
      WHEN (OLD.village_code IS DISTINCT FROM NEW.village_code OR OLD.latest_judgement_at IS DISTINCT FROM NEW.latest_judgement_at
            OR stats_house_dims(OLD) IS DISTINCT FROM stats_house_dims(NEW))
      EXECUTE FUNCTION stats_buildings_changed();

    CREATE TRIGGER stats_cases_inserted AFTER INSERT ON cases REFERENCING NEW TABLE AS inserted
      FOR EACH STATEMENT EXECUTE FUNCTION stats_cases_inserted();
    CREATE TRIGGER stats_cases_deleted AFTER DELETE ON cases
      FOR EACH ROW EXECUTE FUNCTION stats_cases_changed();
    CREATE TRIGGER stats_cases_updated AFTER UPDATE ON cases FOR EACH ROW
      WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.due_at IS DISTINCT FROM NEW.due_at
            OR OLD.closed_at IS DISTINCT FROM NEW.closed_at OR OLD.region_code IS DISTINCT FROM NEW.region_code
            OR OLD.created_at IS DISTINCT FROM NEW.created_at OR OLD.category IS DISTINCT FROM NEW.category
            OR OLD.severity IS DISTINCT FROM NEW.severity OR OLD.source IS DISTINCT FROM NEW.source
            OR OLD.source_ref IS DISTINCT FROM NEW.source_ref OR OLD.building_code IS DISTINCT FROM NEW.building_code
            OR OLD.id IS DISTINCT FROM NEW.id)
      EXECUTE FUNCTION stats_cases_changed();

    CREATE TRIGGER stats_case_escalations_written AFTER INSERT OR DELETE ON case_escalations
      FOR EACH ROW EXECUTE FUNCTION stats_case_escalations_changed();
    CREATE TRIGGER stats_case_escalations_updated AFTER UPDATE ON case_escalations FOR EACH ROW
      WHEN (OLD.case_id IS DISTINCT FROM NEW.case_id OR OLD.no IS DISTINCT FROM NEW.no OR OLD.requested_at IS DISTINCT FROM NEW.requested_at)
      EXECUTE FUNCTION stats_case_escalations_changed();

    CREATE TRIGGER stats_complaints_inserted AFTER INSERT ON complaints REFERENCING NEW TABLE AS inserted
      FOR EACH STATEMENT EXECUTE FUNCTION stats_complaints_inserted();
    CREATE TRIGGER stats_complaints_deleted AFTER DELETE ON complaints
      FOR EACH ROW EXECUTE FUNCTION stats_complaints_changed();
    CREATE TRIGGER stats_complaints_updated AFTER UPDATE ON complaints FOR EACH ROW
      WHEN (OLD.created_at IS DISTINCT FROM NEW.created_at OR OLD.region_code IS DISTINCT FROM NEW.region_code
            OR OLD.category IS DISTINCT FROM NEW.category OR OLD.status IS DISTINCT FROM NEW.status
            OR OLD.verified_at IS DISTINCT FROM NEW.verified_at)
      EXECUTE FUNCTION stats_complaints_changed();

    CREATE TRIGGER stats_inspections_inserted AFTER INSERT ON inspections REFERENCING NEW TABLE AS inserted
      FOR EACH STATEMENT EXECUTE FUNCTION stats_inspections_inserted();
    CREATE TRIGGER stats_inspections_deleted AFTER DELETE ON inspections
      FOR EACH ROW EXECUTE FUNCTION stats_inspections_changed();
    CREATE TRIGGER stats_inspections_updated AFTER UPDATE ON inspections FOR EACH ROW
      WHEN (OLD.inspected_at IS DISTINCT FROM NEW.inspected_at OR OLD.region_code IS DISTINCT FROM NEW.region_code
            OR OLD.kind IS DISTINCT FROM NEW.kind OR OLD.id IS DISTINCT FROM NEW.id)
      EXECUTE FUNCTION stats_inspections_changed();

    CREATE TRIGGER stats_tasks_inserted AFTER INSERT ON tasks REFERENCING NEW TABLE AS inserted
      FOR EACH STATEMENT EXECUTE FUNCTION stats_tasks_inserted();
    CREATE TRIGGER stats_tasks_deleted AFTER DELETE ON tasks
      FOR EACH ROW EXECUTE FUNCTION stats_tasks_changed();
    CREATE TRIGGER stats_tasks_updated AFTER UPDATE ON tasks FOR EACH ROW
      WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.completed_at IS DISTINCT FROM NEW.completed_at
            OR OLD.created_at IS DISTINCT FROM NEW.created_at OR OLD.due_at IS DISTINCT FROM NEW.due_at
            OR OLD.step IS DISTINCT FROM NEW.step OR OLD.case_region_code IS DISTINCT FROM NEW.case_region_code)
      EXECUTE FUNCTION stats_tasks_changed();
  `);
}

const TRIGGERS = [
  ['buildings', 'stats_buildings_inserted'],
  ['buildings', 'stats_buildings_deleted'],
  ['buildings', 'stats_buildings_updated'],
  ['cases', 'stats_cases_inserted'],
  ['cases', 'stats_cases_deleted'],
  ['cases', 'stats_cases_updated'],
  ['case_escalations', 'stats_case_escalations_written'],
  ['case_escalations', 'stats_case_escalations_updated'],
  ['complaints', 'stats_complaints_inserted'],
  ['complaints', 'stats_complaints_deleted'],
  ['complaints', 'stats_complaints_updated'],
  ['inspections', 'stats_inspections_inserted'],
  ['inspections', 'stats_inspections_deleted'],
  ['inspections', 'stats_inspections_updated'],
  ['tasks', 'stats_tasks_inserted'],
  ['tasks', 'stats_tasks_deleted'],
  ['tasks', 'stats_tasks_updated'],
];

export async function down(knex: Knex): Promise<void> {
  for (const [table, trigger] of TRIGGERS) await knex.raw(`DROP TRIGGER ${trigger} ON ${table}`);
  await knex.raw(`
    DROP FUNCTION stats_tasks_changed(), stats_inspections_changed(), stats_complaints_changed(),
      stats_case_escalations_changed(), stats_cases_changed(), stats_buildings_changed();
    DROP FUNCTION stats_tasks_inserted(), stats_inspections_inserted(), stats_complaints_inserted(), stats_cases_inserted(),
      stats_buildings_inserted();
    DROP FUNCTION stats_case_contribute(cases, text, text[], integer);
    DROP FUNCTION stats_bump_step(text, date, text, integer, boolean, integer),
      stats_bump_daily(date, text, text, text, text, text, integer),
      stats_bump_case(text, date, text, text, text, text, date, text[], integer),
      stats_bump_house_inspected(text, date, integer), stats_bump_house(text, text[], integer);
    DROP FUNCTION stats_task_days(timestamptz, timestamptz), stats_case_due_on(text, timestamptz),
      stats_case_origin(text, text), stats_house_dims(buildings), stats_beijing_month(timestamptz);
  `);
}
