/** English messages of the monthly bulletins (通报): the reference shape for `bulletins.zh.ts`. */
export const bulletinsEnglish = {
  bulletins: {
    name: 'Bulletin |||| Bulletins',
    menu: 'Bulletins',
    page: { list: 'Monthly bulletins', create: 'New bulletin' },
    fields: {
      month: 'Month',
      regionCode: 'Region',
      status: 'Status',
      createdByName: 'Requested by',
      createdAt: 'Requested',
      finishedAt: 'Finished',
      pdfSha256: 'SHA-256 (PDF)',
      error: 'Error',
    },
    status: { queued: 'Queued', running: 'Running', done: 'Done', failed: 'Failed' },
    schedule: 'Monthly schedule',
    helpers: {
      regionCode: 'The district or a town (street)',
      month: 'The month reported on; the schedule makes last month’s on the 1st of each month',
    },
    actions: { pdf: 'PDF', xlsx: 'Excel' },
    validation: { month: 'Enter a month as YYYY-MM' },
  },
};
