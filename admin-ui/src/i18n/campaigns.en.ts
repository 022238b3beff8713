/**
 * English messages of special inspections (专项排查): the reference shape for `campaigns.zh.ts`.
 * Building fields and their choices in the filter summary are the buildings' (`resources.buildings…`).
 */
import type { Campaign, CampaignItem } from '../../../domain/campaigns/store.ts';

const status: Record<Campaign['status'], string> = {
  running: 'Running',
  completed: 'Completed',
  closed: 'Deadline passed',
  cancelled: 'Withdrawn',
};
const assigneeRole: Record<Campaign['assigneeRole'], string> = {
  inspector: 'Village / community inspectors',
  town_officer: 'Town / street officers',
};
const itemStatus: Record<CampaignItem['status'], string> = { pending: 'To inspect', done: 'Inspected', overdue: 'Overdue' };

export const campaignsEnglish = {
  campaigns: {
    name: 'Special inspection |||| Special inspections',
    menu: 'Special inspections',
    page: {
      list: 'Special inspections',
      create: 'New special inspection',
      show: 'Special inspection: %{recordRepresentation}',
    },
    fields: {
      name: 'Name',
      regionCode: 'Area',
      regionName: 'Area',
      assigneeRole: 'Inspected by',
      dueAt: 'Deadline',
      status: 'Status',
      progress: 'Progress',
      remindDaysBefore: 'Remind days before',
      remindedAt: 'Reminder sent',
      createdByName: 'Started by',
      createdAt: 'Started',
      filters: 'Houses',
      cancelReason: 'Reason for withdrawal',
      closedAt: 'Ended',
    },
    tabs: {
      running: 'Running',
      all: 'All',
    },
    enums: {
      status,
      assigneeRole,
      itemStatus,
    },
    progress: {
      done: '%{done} / %{total} inspected',
      withHazards: 'Hazards found %{n}',
      overdue: 'Overdue %{n}',
    },
    totals: {
      total: 'Houses',
      done: 'Inspected',
      withHazards: 'Hazards found',
      overdue: 'Overdue',
      pending: 'To inspect',
    },
    create: {
      sectionHouses: 'Which houses',
      sectionWork: 'Who and by when',
      filtersHelp: 'Houses in the area matching every condition chosen; leave a condition empty to take all.',
      regionHelp: 'A town (street) or the whole district',
      dueHelp: 'Until the end of that day, Beijing time',
      remindHelp: 'Those who still have houses to inspect are reminded this many days before the deadline',
      count: 'With this area and these conditions, %{count} houses will be inspected',
      countNone: 'No house matches this area and these conditions; widen them',
      countPending: 'Choose the area to see how many houses the campaign will cover',
      counting: 'Counting houses…',
      countFailed: 'The houses cannot be counted now; saving still selects them by the conditions',
    },
    validation: {
      name: 'Between 2 and 100 characters',
      regionLevel: 'Choose a town (street) or the district',
      duePast: 'The deadline cannot be before today',
      yearRange: 'The end year cannot be before the start year',
      remind: 'Between 0 and 60 days',
      minFloors: 'At least 1',
    },
    filterWords: {
      all: 'All houses in the area',
      minFloors: 'at least %{n} floors',
      maxFloors: 'at most %{n} floors',
      yearUnknown: 'build year unknown',
      businessUse: 'business use',
      notBusinessUse: 'no business use',
      inspectedFrom: 'inspected since %{date}',
      notInspectedSince: 'not inspected since %{date}',
      yearFrom: 'built from %{year}',
      yearTo: 'built until %{year}',
    },
    villages: {
      village: 'Village (community)',
      progress: 'Progress',
      empty: 'No houses of this campaign in your area.',
      hint: 'Click a village to see its houses.',
    },
    houses: {
      title: 'Houses of %{village}',
      house: 'House',
      status: 'Status',
      hazards: 'Hazards',
      doneAt: 'Inspected',
      inspection: 'Inspection',
      open: 'View record',
      hazardsFound: '%{n} found',
      noHazards: 'None',
      empty: 'No houses here.',
      all: 'All',
    },
    header: {
      cancelled: 'Withdrawn: %{reason}',
      closed: 'The deadline has passed; houses not inspected are overdue.',
      notReminded: 'Not yet',
    },
    actions: {
      cancel: 'Withdraw',
    },
    cancel: {
      title: 'Withdraw this special inspection',
      content: 'Its houses leave the inboxes at once; inspections already made remain. The reason is recorded.',
    },
    notifications: {
      cancelled: 'The special inspection was withdrawn',
    },
    inbox: {
      tab: 'Special inspections',
      house: 'House',
      village: 'Village (community)',
      campaign: 'Special inspection',
      dueAt: 'Deadline',
      inspect: 'Start inspection',
      empty: 'No houses waiting for a special inspection.',
    },
  },
};
