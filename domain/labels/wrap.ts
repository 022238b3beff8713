/**
 * Line breaking for Chinese addresses on a label. A general line breaker splits anywhere between
 * ideographs, so "人民一路3号" could end a line on "3" and start the next with "号"; here a house
 * number stays with its counter word (号, 栋, 巷…), opening brackets stay with what follows and
 * closing punctuation with what precedes, as Chinese typesetting does.
 */

const ASCII_RUN = /^[0-9A-Za-z\-_/#.]+/;
const OPENING = '（(《“‘【[';
const CLOSING = '）)》”’】]，,、。.；;：:！!？?';

/** The unbreakable pieces of a text. */
export function breakUnits(text: string): string[] {
  const units: string[] = [];
  let rest = text.replace(/\s+/g, ' ').trim();
  while (rest) {
    const run = ASCII_RUN.exec(rest)?.[0];
    let unit = run ?? [...rest][0] ?? '';
    // A number and the counter word after it (3号, 12栋, A座) are one unit.
    if (run && rest.length > run.length && !ASCII_RUN.test(rest.slice(run.length)) && rest[run.length] !== ' ') {
      unit += [...rest.slice(run.length)][0] ?? '';
    }
    rest = rest.slice(unit.length);
    const last = units[units.length - 1];
    if (last !== undefined && (CLOSING.includes(unit[0] ?? '') || OPENING.includes(last[last.length - 1] ?? ''))) {
      units[units.length - 1] = last + unit;
    } else {
      units.push(unit);
    }
  }
  return units;
}

/**
 * Greedy lines of at most `maxWidth` (as `width` measures), at most `maxLines`; text that does not fit
 * ends the last line with an ellipsis.
 */
export function wrapLines(text: string, maxWidth: number, maxLines: number, width: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const unit of breakUnits(text)) {
    const candidate = line + unit;
    if (width(candidate.trim()) <= maxWidth || line === '') {
      line = candidate;
      continue;
    }
    lines.push(line.trim());
    line = unit.trimStart();
  }
  if (line.trim()) lines.push(line.trim());
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1] ?? '';
  while (last && width(`${last}…`) > maxWidth) last = [...last].slice(0, -1).join('');
  kept[maxLines - 1] = `${last}…`;
  return kept;
}
