/**
 * The baseline of the HTTP benchmarks: the same indexed queries behind a bare node:http handler with a
 * bare pg pool (no Express, no auth, no validation, no scoping, no mapping, no workflow).
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import pg from 'pg';

export async function startBareServer(databaseUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://bare');
    try {
      if (url.pathname.startsWith('/by-code/')) {
        const { rows } = await pool.query('SELECT * FROM buildings WHERE code = $1', [url.pathname.slice(9)]);
        res.writeHead(rows.length ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(rows[0] ?? null));
        return;
      }
      if (url.pathname === '/list') {
        const params = [
          `${url.searchParams.get('regionCode') ?? ''}%`,
          url.searchParams.get('use'),
          Number(url.searchParams.get('page') ?? 1),
        ];
        const where = 'WHERE village_code LIKE $1 AND use = $2';
        const [data, count] = await Promise.all([
          pool.query(`SELECT * FROM buildings ${where} ORDER BY year_built DESC, code LIMIT 25 OFFSET ($3 - 1) * 25`, params),
          pool.query(`SELECT count(*) FROM buildings ${where}`, params.slice(0, 2)),
        ]);
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ data: data.rows, total: Number(count.rows[0]?.count) }));
        return;
      }
      if (url.pathname === '/complaints' && req.method === 'POST') {
        // The same row an Open311 request writes, parsed and inserted with nothing else.
        let raw = '';
        for await (const chunk of req) raw += String(chunk);
        const form = new URLSearchParams(raw);
        const { rows } = await pool.query(
          `INSERT INTO complaints (tracking_no, secret_hash, channel, building_code, region_code, category, description, verify_due_at, client_hash)
           VALUES ('TS' || to_char(now(), 'YYYYMMDD') || lpad(nextval('complaint_number_seq')::text, 6, '0'), $1, 'open311', $2::text,
                   substr($2::text, 1, 12), $3, $4, now() + interval '3 days', $1)
           RETURNING tracking_no`,
          ['0'.repeat(64), form.get('attribute[building_code]'), form.get('service_code'), form.get('description')],
        );
        res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify([{ service_request_id: rows[0]?.tracking_no }]));
        return;
      }
      res.writeHead(404).end();
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await pool.end();
    },
  };
}
