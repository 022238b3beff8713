/**
 * 我的待办: the user's tasks in four tabs (mine, claimable, done, overdue), each with its count, soonest
 * due first; for the roles special inspections are handed to, a fifth tab (专项排查) with the campaign
 * houses waiting for them. A table on wide screens, cards with big buttons on phones. The tab lives
 * in the address (`?view=`), each task tab's filters and page in the store.
 */
import { useEffect, useRef } from 'react';
import { Badge, Box, Tab, Tabs, useMediaQuery } from '@mui/material';
import type { Theme } from '@mui/material';
import { List, Title, useGetIdentity, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import type { AppIdentity } from '../authProvider.ts';
import { CampaignTasks } from './CampaignTasks.tsx';
import { EmptyInbox } from './EmptyInbox.tsx';
import { TaskCards } from './TaskCards.tsx';
import { TaskTable } from './TaskTable.tsx';
import { TASK_VIEWS, isTaskView } from './types.ts';
import type { TaskView } from './types.ts';
import { useCampaignTaskCount } from './useCampaignTaskCount.ts';
import { useTaskCounts } from './useTaskCounts.ts';
import { useTaskFilters } from './useTaskFilters.tsx';

/** The campaign houses are not case tasks: their tab is the inbox's own, beside the task views. */
const CAMPAIGNS = 'campaigns';
type InboxView = TaskView | typeof CAMPAIGNS;

/** The roles a campaign can be handed to (`assigneeRole`); others never have campaign houses. */
const CAMPAIGN_ROLES = new Set<string>(['inspector', 'town_officer']);

const SORT: Record<TaskView, { field: string; order: 'ASC' | 'DESC' }> = {
  mine: { field: 'dueAt', order: 'ASC' },
  claimable: { field: 'dueAt', order: 'ASC' },
  done: { field: 'completedAt', order: 'DESC' },
  overdue: { field: 'dueAt', order: 'ASC' },
};

/**
 * A tab's name and count: a badge on the desktop; on a phone the count follows the name inline, so a
 * tab is no wider than its content and no count is cut off at the tab's edge.
 */
function TabLabel({
  text,
  count,
  color,
  inline,
}: {
  text: string;
  count: number;
  color: 'primary' | 'error' | 'default';
  inline: boolean;
}) {
  const grey = { bgcolor: 'grey.300', color: 'text.primary' };
  if (!inline) {
    return (
      <Badge
        badgeContent={count}
        color={color}
        max={999}
        showZero={false}
        sx={{ '& .MuiBadge-badge': { right: -12, ...(color === 'default' ? grey : {}) } }}
      >
        {text}
      </Badge>
    );
  }
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.375 }}>
      {text}
      {count > 0 && (
        <Box
          component="span"
          data-tab-count
          sx={{
            ...(color === 'default' ? grey : { bgcolor: `${color}.main`, color: `${color}.contrastText` }),
            minWidth: 18,
            height: 18,
            px: 0.5,
            borderRadius: 9,
            fontSize: '0.6875rem',
            fontWeight: 500,
            lineHeight: '18px',
            textAlign: 'center',
          }}
        >
          {count > 999 ? '999+' : count}
        </Box>
      )}
    </Box>
  );
}

export function InboxPage() {
  const translate = useTranslate();
  const isPhone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const [params, setParams] = useSearchParams();
  const identity = useGetIdentity();
  const role = (identity.identity as AppIdentity | undefined)?.role;
  const inspects = role !== undefined && CAMPAIGN_ROLES.has(role);
  const requested = params.get('view');
  const view: InboxView = isTaskView(requested) ? requested : inspects && requested === CAMPAIGNS ? CAMPAIGNS : 'mine';
  const counts = useTaskCounts();
  const campaignCount = useCampaignTaskCount(inspects);
  const filters = useTaskFilters();
  const selectedTab = useRef<HTMLDivElement>(null);
  // On a phone the tabs scroll; once the scroll arrows and counts have settled, the selected tab is
  // brought fully into view (the tabs' own scrolling runs before the arrows take their room).
  useEffect(() => {
    const timer = setTimeout(() => selectedTab.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' }), 100);
    return () => clearTimeout(timer);
  }, [view, identity.isPending, counts.data, campaignCount]);
  // The tabs depend on the role: mount them once it is known, so the selected one is marked (and
  // scrolled into view on a phone) among the right set.
  if (identity.isPending) return null;
  // On a phone the tabs are narrower and their counts follow the names, so the four views (and the
  // campaigns of those who inspect) fit without scrolling; past that, the tabs scroll.
  const tabSx = isPhone ? { minHeight: 48, minWidth: 0, px: 0.75, fontSize: '0.8125rem' } : { minHeight: 48, pr: 3 };

  return (
    <Box sx={{ mt: { xs: 0, sm: 1 } }}>
      <Tabs
        value={view}
        onChange={(_event, next: InboxView) => setParams({ view: next }, { replace: true })}
        variant="scrollable"
        allowScrollButtonsMobile
        aria-label={translate('resources.tasks.menu')}
        // Five tabs are wider than a phone: without inline-size containment their width would widen the
        // whole page instead of letting the tabs scroll.
        sx={{ borderBottom: 1, borderColor: 'divider', contain: 'inline-size' }}
      >
        {TASK_VIEWS.map((v) => (
          <Tab
            key={v}
            value={v}
            data-view={v}
            ref={v === view ? selectedTab : undefined}
            sx={tabSx}
            label={
              <TabLabel
                text={translate(`resources.tasks.views.${v}`)}
                count={counts.data?.[v] ?? 0}
                color={v === 'overdue' ? 'error' : v === 'done' ? 'default' : 'primary'}
                inline={isPhone}
              />
            }
          />
        ))}
        {inspects && (
          <Tab
            value={CAMPAIGNS}
            data-view={CAMPAIGNS}
            ref={view === CAMPAIGNS ? selectedTab : undefined}
            sx={tabSx}
            label={
              <TabLabel text={translate('resources.campaigns.inbox.tab')} count={campaignCount ?? 0} color="primary" inline={isPhone} />
            }
          />
        )}
      </Tabs>
      {view === CAMPAIGNS ? (
        <>
          <Title title={translate('resources.tasks.page.inbox')} />
          <CampaignTasks />
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
