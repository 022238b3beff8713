/**
 * 我的待办: the user's tasks in four tabs (mine, claimable, done, overdue), each with its count, soonest
 * due first. A table on wide screens, cards with big buttons on phones. The tab lives in the address
 * (`?view=`), each tab's filters and page in the store.
 */
import { Badge, Box, Tab, Tabs, useMediaQuery } from '@mui/material';
import type { Theme } from '@mui/material';
import { List, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { EmptyInbox } from './EmptyInbox.tsx';
import { TaskCards } from './TaskCards.tsx';
import { TaskTable } from './TaskTable.tsx';
import { TASK_VIEWS, isTaskView } from './types.ts';
import type { TaskView } from './types.ts';
import { useTaskCounts } from './useTaskCounts.ts';
import { useTaskFilters } from './useTaskFilters.tsx';

const SORT: Record<TaskView, { field: string; order: 'ASC' | 'DESC' }> = {
  mine: { field: 'dueAt', order: 'ASC' },
  claimable: { field: 'dueAt', order: 'ASC' },
  done: { field: 'completedAt', order: 'DESC' },
  overdue: { field: 'dueAt', order: 'ASC' },
};

export function InboxPage() {
  const translate = useTranslate();
  const isPhone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const [params, setParams] = useSearchParams();
  const requested = params.get('view');
  const view: TaskView = isTaskView(requested) ? requested : 'mine';
  const counts = useTaskCounts();
  const filters = useTaskFilters();

  return (
    <Box sx={{ mt: { xs: 0, sm: 1 } }}>
      <Tabs
        value={view}
        onChange={(_event, next: TaskView) => setParams({ view: next }, { replace: true })}
        variant="scrollable"
        allowScrollButtonsMobile
        aria-label={translate('resources.tasks.menu')}
        sx={{ borderBottom: 1, borderColor: 'divider' }}
      >
        {TASK_VIEWS.map((v) => (
          <Tab
            key={v}
            value={v}
            data-view={v}
            sx={{ minHeight: 48, pr: 3 }}
            label={
              <Badge
                badgeContent={counts.data?.[v] ?? 0}
                color={v === 'overdue' ? 'error' : v === 'done' ? 'default' : 'primary'}
                max={999}
                showZero={false}
                sx={{ '& .MuiBadge-badge': { right: -12, ...(v === 'done' ? { bgcolor: 'grey.300', color: 'text.primary' } : {}) } }}
              >
                {translate(`resources.tasks.views.${v}`)}
              </Badge>
            }
          />
        ))}
      </Tabs>
      <List
        key={view}
        resource="tasks"
        title={translate('resources.tasks.page.inbox')}
        filter={{ view }}
        filters={filters}
        sort={SORT[view]}
        perPage={25}
        exporter={false}
        actions={false}
        disableSyncWithLocation
        storeKey={`inbox.${view}`}
        empty={<EmptyInbox view={view} />}
        queryOptions={{ refetchInterval: 30_000 }}
      >
        {isPhone ? <TaskCards /> : <TaskTable view={view} />}
      </List>
    </Box>
  );
}
