import type { Knex } from 'knex';

/**
 * One step of a case written in one round trip: the workflow's transition (the JSON of
 * `domain/cases/transition.ts`) goes to this function, which takes the case row's lock, checks the
 * step's sequence number, appends the event to the chain, opens and changes tasks, updates the case
 * and its escalation. Done from the worker as seven statements in a transaction, each a round trip,
 * it was the largest share of a case's database work.
 *
 * The event's hash is SHA-256 over the previous hash, a newline and the event's canonical JSON, which
 * the caller computes (`canonicalJson` in domain/cases/chain.ts, the same function the verifier uses);
 * the previous hash is read here, under the case's lock.
 *
 * Returns false when the step is already written (a retry), true when this call wrote it. Raises
 * YD001 for an unknown case, YD002 for a step out of order, YD003 for a missing previous event.
 */
export async function up(knex: Knex): Promise<void> {
  // knex.raw reads a bare ? as a binding: jsonb's key-exists operator is written \\? here.
  await knex.raw(`
    CREATE FUNCTION apply_case_transition(t jsonb, canon text) RETURNS boolean LANGUAGE plpgsql AS $fn$
    DECLARE
      cid uuid := (t->>'caseId')::uuid;
      s integer := (t->>'seq')::integer;
      ts timestamptz := (t->>'occurredAt')::timestamptz;
      ev jsonb := t->'event';
      c jsonb := coalesce(t->'case', '{}'::jsonb);
      esc jsonb := t->'escalation';
      ch jsonb;
      done boolean;
      last_done integer;
      region text;
      prev text;
    BEGIN
      SELECT last_seq, region_code INTO last_done, region FROM cases WHERE id = cid FOR UPDATE;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'case % is missing', cid USING ERRCODE = 'YD001';
      END IF;
      IF last_done >= s THEN
        RETURN false;
      END IF;
      IF last_done <> s - 1 THEN
        RAISE EXCEPTION 'case %: step % after %', cid, s, last_done USING ERRCODE = 'YD002';
      END IF;
      IF s = 1 THEN
        prev := repeat('0', 64);
      ELSE
        SELECT hash INTO prev FROM case_events WHERE case_id = cid AND seq = last_done;
        IF prev IS NULL THEN
          RAISE EXCEPTION 'case %: event % is missing from the trail', cid, last_done USING ERRCODE = 'YD003';
        END IF;
      END IF;

      INSERT INTO case_events (case_id, seq, type, element_id, task_id, actor_id, actor_name, actor_role, data,
                               occurred_at, prev_hash, hash)
      VALUES (cid, s, ev->>'type', ev->>'elementId', (ev->>'taskId')::uuid, (ev->'actor'->>'id')::uuid,
              ev->'actor'->>'name', ev->'actor'->>'role', coalesce(ev->'data', '{}'::jsonb), ts, prev,
              encode(sha256(convert_to(prev || E'\\n' || canon, 'UTF8')), 'hex'));

      INSERT INTO tasks (id, case_id, task_no, step, element_id, roles, region_code, case_region_code, status,
                         assignee_id, due_at, created_at)
      SELECT (o->>'id')::uuid, cid, (o->>'taskNo')::integer, o->>'step', o->>'elementId',
             ARRAY(SELECT jsonb_array_elements_text(o->'roles')), o->>'regionCode', region,
             CASE WHEN o->>'assigneeId' IS NULL THEN 'open' ELSE 'claimed' END,
             (o->>'assigneeId')::uuid, (o->>'dueAt')::timestamptz, ts
      FROM jsonb_array_elements(coalesce(t->'openTasks', '[]'::jsonb)) AS o;

      FOR ch IN SELECT * FROM jsonb_array_elements(coalesce(t->'taskChanges', '[]'::jsonb)) LOOP
        done := ch->>'status' = 'completed';
        UPDATE tasks SET
          status = ch->>'status',
          assignee_id = CASE WHEN done THEN (ch->>'completedBy')::uuid
                             WHEN ch \\? 'assigneeId' THEN (ch->>'assigneeId')::uuid ELSE assignee_id END,
          claimed_at = CASE WHEN ch \\? 'assigneeId' THEN CASE WHEN ch->>'assigneeId' IS NULL THEN NULL ELSE ts END
                            ELSE claimed_at END,
          completed_at = CASE WHEN done THEN ts ELSE completed_at END,
          completed_by = CASE WHEN done THEN (ch->>'completedBy')::uuid ELSE completed_by END,
          outcome = CASE WHEN done THEN ch->>'outcome' ELSE outcome END,
          form = CASE WHEN done THEN coalesce(ch->'form', '{}'::jsonb) ELSE form END
        WHERE id = (ch->>'id')::uuid AND case_id = cid;
        IF jsonb_array_length(coalesce(ch->'fileIds', '[]'::jsonb)) > 0 THEN
          UPDATE case_files SET task_id = (ch->>'id')::uuid
          WHERE case_id = cid AND id IN (SELECT jsonb_array_elements_text(ch->'fileIds')::uuid);
        END IF;
      END LOOP;

      UPDATE cases SET
        last_seq = s,
        updated_at = ts,
        workflow_started_at = CASE WHEN s = 1 THEN coalesce(workflow_started_at, ts) ELSE workflow_started_at END,
        status = coalesce(c->>'status', status),
        active_elements = CASE WHEN c \\? 'activeElements'
                               THEN ARRAY(SELECT jsonb_array_elements_text(c->'activeElements')) ELSE active_elements END,
        due_at = CASE WHEN c \\? 'dueAt' THEN (c->>'dueAt')::timestamptz ELSE due_at END,
        recheck_failures = CASE WHEN c \\? 'recheckFailures' THEN (c->>'recheckFailures')::integer ELSE recheck_failures END,
        evidence_submitter_id = CASE WHEN c \\? 'evidenceSubmitterId' THEN (c->>'evidenceSubmitterId')::uuid
                                     ELSE evidence_submitter_id END,
        escalation_count = CASE WHEN c \\? 'escalationCount' THEN (c->>'escalationCount')::integer ELSE escalation_count END,
        responsible = CASE WHEN jsonb_typeof(c->'responsible') = 'object' THEN c->'responsible' ELSE responsible END,
        measures = CASE WHEN jsonb_typeof(c->'measures') = 'array'
                        THEN ARRAY(SELECT jsonb_array_elements_text(c->'measures')) ELSE measures END,
        rectify_deadline = CASE WHEN c \\? 'rectifyDeadline' THEN (c->>'rectifyDeadline')::date ELSE rectify_deadline END,
        appraisal_grade = CASE WHEN c \\? 'appraisalGrade' THEN c->>'appraisalGrade' ELSE appraisal_grade END,
        demolished = CASE WHEN c \\? 'demolished' THEN (c->>'demolished')::boolean ELSE demolished END,
        cancel_reason = CASE WHEN c \\? 'cancelReason' THEN c->>'cancelReason' ELSE cancel_reason END,
        closed_at = CASE WHEN coalesce((c->>'closed')::boolean, false) OR c->>'status' = 'cancelled' THEN ts
                         ELSE closed_at END
      WHERE id = cid;

      IF esc IS NOT NULL THEN
        INSERT INTO case_escalations (case_id, no, reason, reason_text, element_id, status, receipt_id, error, requested_at)
        VALUES (cid, (esc->>'no')::integer, coalesce(esc->>'reason', ''), coalesce(esc->>'reasonText', ''),
                esc->>'elementId', esc->>'status', esc->>'receiptId', esc->>'error', ts)
        ON CONFLICT (case_id, no) DO UPDATE SET
          status = EXCLUDED.status,
          receipt_id = CASE WHEN esc \\? 'receiptId' THEN EXCLUDED.receipt_id ELSE case_escalations.receipt_id END,
          error = CASE WHEN esc \\? 'error' THEN EXCLUDED.error ELSE case_escalations.error END,
          answered_at = ts;
      END IF;
      RETURN true;
    END
    $fn$`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP FUNCTION apply_case_transition(jsonb, text)');
}
