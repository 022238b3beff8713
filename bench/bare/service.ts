/**
 * The like-for-like baseline's API, in its own process as the platform's is: a plain node:http handler
 * with a bare pg pool and a Temporal client, no Express, auth, validation, idempotency or read models.
 *  - POST /cases: one row inserted, the baseline workflow started;
 *  - POST /cases/<id>/step: the row read, the step's update executed, the row updated.
 * Its table (`bare_cases`) is made by the benchmark in the scratch database.
 */
import { createServer } from 'node:http';
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import { bareStepUpdate } from './workflow.ts';

const taskQueue = process.env.BARE_TASK_QUEUE ?? 'bench-like';
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
const client = new Client({ connection });

const server = createServer(async (req, res) => {
  const path = (req.url ?? '/').split('?')[0] as string;
  try {
    for await (const chunk of req) void chunk;
    if (req.method === 'POST' && path === '/cases') {
      const { rows } = await pool.query<{ id: string }>('INSERT INTO bare_cases (step) VALUES (0) RETURNING id');
      const id = rows[0]?.id as string;
      await client.workflow.start('likeCaseWorkflow', { taskQueue, workflowId: `like-${id}`, args: [4] });
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id }));
      return;
    }
    const step = /^\/cases\/([0-9a-f-]{36})\/step$/.exec(path);
    if (req.method === 'POST' && step) {
      const id = step[1] as string;
      const { rows } = await pool.query<{ step: number }>('SELECT step FROM bare_cases WHERE id = $1', [id]);
      if (!rows.length) return void res.writeHead(404).end();
      const done = await client.workflow.getHandle(`like-${id}`).executeUpdate(bareStepUpdate, { args: [`step${rows[0]?.step}`] });
      await pool.query('UPDATE bare_cases SET step = $2 WHERE id = $1', [id, done]);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id, step: done }));
      return;
    }
    res.writeHead(404).end();
  } catch (error) {
    res.writeHead(500).end(String(error));
  }
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('bare api listening\n'));
process.once('SIGTERM', () => {
  server.close();
  void pool.end();
  void connection.close();
});
