/**
 * `npm run import:boundaries -- <file.geojson> [--code-property <name>] [--max-mb 50] [--dry-run]`:
 * imports official town and village boundaries for the map (issue 18 §2). The file is a GeoJSON
 * FeatureCollection in WGS-84 whose features each name a town (9 digits) or village (12 digits) region
 * code in the property `code` (or `--code-property`). Every feature is checked first; one problem and
 * nothing is written, each problem printed with its feature's index. Otherwise all are written in one
 * transaction: an imported boundary replaces the approximate hull drawn around the houses, and stays
 * until imported again. `--dry-run` checks without writing.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { connectDatabase } from '../domain/boot.ts';
import { loadConfig } from '../domain/config.ts';
import { describeProblem, parseBoundaryFile } from '../domain/map/boundary-file.ts';
import { DatabaseOutlineStore } from '../domain/map/database-outlines-store.ts';
import { importFingerprint } from '../domain/map/region-outlines.ts';
import { runMain } from '../domain/run-main.ts';

const USAGE = 'usage: npm run import:boundaries -- <file.geojson> [--code-property <name>] [--max-mb <size>] [--dry-run]';
/** Problems printed before the rest are only counted. */
const SHOWN = 50;

function usage(problem: string): never {
  console.error(`import:boundaries: ${problem}\n${USAGE}`);
  process.exit(2);
}

function refuse(lines: string[]): never {
  for (const line of lines.slice(0, SHOWN)) console.error(line);
  if (lines.length > SHOWN) console.error(`……另有 ${lines.length - SHOWN} 个问题 / ${lines.length - SHOWN} more problems`);
  console.error(`边界文件有 ${lines.length} 个问题，未导入任何边界 / ${lines.length} problem(s) found, nothing imported`);
  process.exit(1);
}

runMain('import:boundaries', async () => {
  let parsed: { values: { 'code-property'?: string; 'max-mb'?: string; 'dry-run'?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({
      options: { 'code-property': { type: 'string' }, 'max-mb': { type: 'string' }, 'dry-run': { type: 'boolean' } },
      allowPositionals: true,
    });
  } catch (error) {
    usage((error as Error).message);
  }
  const [file] = parsed.positionals;
  if (!file || parsed.positionals.length > 1) usage('name one GeoJSON file');
  const codeProperty = parsed.values['code-property'] ?? 'code';
  const maxMb = Number(parsed.values['max-mb'] ?? '50');
  if (!Number.isFinite(maxMb) || maxMb <= 0 || maxMb > 1024) usage('--max-mb must be a number of megabytes from 1 to 1024');
  const path = resolve(file);
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > maxMb * 1024 * 1024) {
      refuse([
        `文件 ${(size / 1024 / 1024).toFixed(1)} MB，超过上限 ${maxMb} MB（可用 --max-mb 调整）/ the file is larger than ${maxMb} MB`,
      ]);
    }
    text = readFileSync(path, 'utf8');
  } catch (error) {
    usage(`cannot read ${path}: ${(error as Error).message}`);
  }

  const { features, problems } = parseBoundaryFile(text, codeProperty);
  if (problems.length) refuse(problems.map(describeProblem));
  const db = await connectDatabase(loadConfig());
  try {
    const store = new DatabaseOutlineStore(db);
    const unknown = new Set(await store.unknownRegions(features.map((f) => f.code)));
    if (unknown.size) {
      refuse(
        features
          .filter((f) => unknown.has(f.code))
          .map((f) =>
            describeProblem({
              index: f.index,
              message: `区划代码 ${f.code} 不是区划表中的镇街或村居 / ${f.code} is not a town or village of the region tree`,
            }),
          ),
      );
    }
    const towns = features.filter((f) => f.level === 'town').length;
    const summary = `镇街 ${towns} 个、村居 ${features.length - towns} 个 / ${towns} towns, ${features.length - towns} villages`;
    if (parsed.values['dry-run']) {
      console.log(`检查通过，未写入（--dry-run）：${summary}`);
      return;
    }
    const result = await store.importBoundaries(
      features.map((f) => ({
        code: f.code,
        level: f.level,
        geometry: f.geometry,
        approximate: false,
        source: 'import' as const,
        houseCount: 0,
        fingerprint: importFingerprint(f.geometry),
      })),
    );
    console.log(`已导入 ${features.length} 个边界（${summary}）：新增 ${result.added} 个，替换 ${result.replaced} 个`);
    console.log(
      '地图将显示这些正式边界，不再显示按房屋推算的近似轮廓 / the map now shows these boundaries instead of approximate outlines',
    );
  } finally {
    await db.destroy();
  }
});
