/**
 * Who gets which house in one village's pass (pure, so the cap is tested without a database): the
 * houses come most urgent first; each goes to the inspector with the most room left today (ties by
 * id, so a re-run plans the same), and no inspector gets past the daily cap, counting what they still
 * hold from earlier days and what they were given earlier today.
 */

export interface InspectorLoad {
  id: string;
  name: string;
  /** Open items from earlier days plus every item given for today (done or not). */
  load: number;
}

export interface Assignment {
  itemId: string;
  inspectorId: string;
  inspectorName: string;
}

/** `itemIds` most urgent first; answers at most (cap − load) items per inspector, urgent ones first. */
export function planAssignments(itemIds: readonly string[], inspectors: readonly InspectorLoad[], dailyCap: number): Assignment[] {
  const room = inspectors
    .map((i) => ({ ...i, left: Math.max(0, dailyCap - i.load) }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out: Assignment[] = [];
  for (const itemId of itemIds) {
    let best: (typeof room)[number] | undefined;
    for (const r of room) if (r.left > 0 && (!best || r.left > best.left)) best = r;
    if (!best) break;
    best.left -= 1;
    out.push({ itemId, inspectorId: best.id, inspectorName: best.name });
  }
  return out;
}
