/**
 * 我的待办: the user's tasks in four tabs (mine, claimable, done, overdue), each with its count, soonest
 * due first; for the roles that verify complaints a 待核实 tab with the complaints waiting for them, and
 * for the roles special inspections are handed to a 专项排查 tab with the campaign houses; for those who handle
 * warnings a 预警处置 tab; and for inspectors a 定期巡查 tab with the houses due by risk tier handed to them. A table on
 * wide screens, cards with big buttons on phones. The tab lives in the address (`?view=`); opened
 * without one, the inbox picks the first tab that has work (`openingView`). Each task tab's filters
 * and page are in the store.
 */
import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { Box, Tab, Tabs, useMediaQuery } from '@mui/material';
import type { Theme } from '@mui/material';
import { List, Title, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { CampaignTasks } from './CampaignTasks.tsx';
import { EmptyInbox } from './EmptyInbox.tsx';
import { ScheduleTasks } from './ScheduleTasks.tsx';
import { CAMPAIGNS, SCHEDULE, VERIFY, WARNINGS, openingView } from './inboxViews.ts';
import type { InboxView } from './inboxViews.ts';
import { TabLabel } from './TabLabel.tsx';
import type { TabColor } from './TabLabel.tsx';
import { TaskCards } from './TaskCards.tsx';
import { TaskTable } from './TaskTable.tsx';
import { TASK_VIEWS, isTaskView } from './types.ts';
import type { TaskView } from './types.ts';
import { useTaskFilters } from './useTaskFilters.tsx';
import { VerifyTasks } from './VerifyTasks.tsx';
import { WarningTasks } from './WarningTasks.tsx';
import { useWorkCounts } from './useWorkCounts.ts';

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
  const work = useWorkCounts();
  const { inspects, verifies, handlesWarnings, scheduled } = work;
  // The tabs beside the four task views, in their order, each for the roles that do its work.
  const extras: { value: Exclude<InboxView, TaskView>; shown: boolean; text: string; count: number; color: TabColor; page: ReactNode }[] = [
    {
      value: WARNINGS,
      shown: handlesWarnings,
      text: 'resources.warnings.inbox.tab',
      count: work.counts.warnings,
      color: 'error',
      page: <WarningTasks />,
    },
    {
      value: VERIFY,
      shown: verifies,
      text: 'resources.work.verify.tab',
      count: work.counts.verify,
      color: 'primary',
      page: <VerifyTasks />,
    },
    {
      value: CAMPAIGNS,
      shown: inspects,
      text: 'resources.campaigns.inbox.tab',
      count: work.counts.campaigns,
      color: 'primary',
      page: <CampaignTasks />,
    },
    {
      value: SCHEDULE,
      shown: scheduled,
      text: 'resources.work.schedule.tab',
      count: work.counts.schedule,
      color: 'primary',
      page: <ScheduleTasks />,
    },
  ];
  const requested = params.get('view');
  const asked: InboxView | null = isTaskView(requested) ? requested : (extras.find((e) => e.shown && e.value === requested)?.value ?? null);
  const view: InboxView = asked ?? openingView(work.counts);
  const filters = useTaskFilters();
  // The tab chosen for the user is written into the address once, so it stays put while counts change
  // and the back button returns to it.
  const chooseOpening = asked === null && work.settled;
  useEffect(() => {
    if (chooseOpening) setParams({ view }, { replace: true });
  }, [chooseOpening, view, setParams]);
  const countKey = Object.values(work.counts).join();
  const selectedTab = useRef<HTMLDivElement>(null);
  // On a phone the tabs scroll; once the scroll arrows and counts have settled, the selected tab is
  // brought fully into view (the tabs' own scrolling runs before the arrows take their room).
  useEffect(() => {
    const timer = setTimeout(() => selectedTab.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' }), 100);
    return () => clearTimeout(timer);
  }, [view, work.settled, countKey]);
  // The tabs depend on the role, and without a tab asked for the one opened depends on the counts: mount
  // them once these are known, so the right one is marked (and scrolled into view on a phone).
  if (!work.settled && asked === null) return null;
  // On a phone the tabs are narrower and their counts follow the names, so the four views (and the
  // campaigns of those who inspect) fit without scrolling; past that, the tabs scroll.
  // With 待核实 and 专项排查 beside the four views they no longer fit one row: on a phone the tabs wrap
  // onto a second row, the chosen one marked by its background (an underline cannot follow a wrapped row).
  const tabSx = isPhone
    ? {
        minHeight: 40,
        minWidth: 0,
        px: 1,
        py: 0.5,
        fontSize: '0.8125rem',
        borderRadius: 1,
        '&.Mui-selected': { bgcolor: 'action.selected', fontWeight: 600 },
      }
    : { minHeight: 48, pr: 3 };

  // A tab element itself (not a component of ours), as Tabs gives its children their selection.
  const tab = (value: InboxView, text: string, count: number, color: TabColor) => (
    <Tab
      key={value}
      value={value}
      data-view={value}
      ref={value === view ? selectedTab : undefined}
      sx={tabSx}
      label={<TabLabel text={text} count={count} color={color} inline={isPhone} />}
    />
  );

  return (
    <Box sx={{ mt: { xs: 0, sm: 1 } }}>
      <Tabs
        value={view}
        onChange={(_event, next: InboxView) => setParams({ view: next }, { replace: true })}
        variant={isPhone ? 'standard' : 'scrollable'}
        allowScrollButtonsMobile
        aria-label={translate('resources.tasks.menu')}
        slotProps={isPhone ? { indicator: { sx: { display: 'none' } } } : {}}
        // Without inline-size containment the tabs' width would widen the whole page instead of letting
        // them scroll (desktop) or wrap (phone).
        sx={{
          borderBottom: 1,
          borderColor: 'divider',
          contain: 'inline-size',
          ...(isPhone ? { '& .MuiTabs-flexContainer': { flexWrap: 'wrap', gap: 0.5, py: 0.5 } } : {}),
        }}
      >
        {TASK_VIEWS.map((v) =>
          tab(v, translate(`resources.tasks.views.${v}`), work.counts[v], v === 'overdue' ? 'error' : v === 'done' ? 'default' : 'primary'),
        )}
        {extras.filter((e) => e.shown).map((e) => tab(e.value, translate(e.text), e.count, e.color))}
      </Tabs>
      {!isTaskView(view) ? (
        <>
          <Title title={translate('resources.tasks.page.inbox')} />
          {extras.find((e) => e.value === view)?.page}
        </>
      ) : (
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
      )}
    </Box>
  );
}
