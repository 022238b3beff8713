/** The house file's safety timeline: 400 for a malformed code, 404 outside the reader's area. */
import type { AppAbility } from '../../domain/abilities.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { TimelineEntry, TimelineParams, TimelineStore } from '../../domain/house-file/timeline-store.ts';
import type { ListResult } from '../../domain/paging.ts';
import { checkedCode } from './buildings.ts';

export class HouseTimelineService {
  constructor(private readonly deps: { timeline: TimelineStore }) {}

  async timeline(ability: AppAbility, rawCode: string, params: TimelineParams): Promise<ListResult<TimelineEntry>> {
    const code = checkedCode(rawCode);
    const page = await this.deps.timeline.timeline(ability, code, params);
    if (!page) throw new NotFoundError(`房屋 ${code} 不存在或无权查看`);
    return page;
  }
}
