/** English messages of upward reports (数据上报): the reference shape for `dataReports.zh.ts`. */
export const dataReportsEnglish = {
  'data-reports': {
    name: 'Upward report |||| Upward reports',
    menu: 'Upward reporting',
    page: { list: 'Upward reporting', create: 'New report' },
    fields: {
      createdAt: 'Requested',
      regionCode: 'Region',
      kind: 'Kind',
      createdByName: 'Requested by',
      status: 'Status',
      total: 'Houses',
      changes: 'Since the previous report',
      digest: 'Digest (SHA-256)',
      files: 'Files',
    },
    kind: { full: 'Full', changes: 'Changes' },
    status: { queued: 'Queued', running: 'Running', done: 'Done', failed: 'Failed' },
    changes: '+%{added} added, %{changed} changed, −%{removed} removed',
    files: { csv: 'CSV', xlsx: 'Excel', json: 'Manifest' },
    helpers: {
      regionCode: 'Every house of this region (your own area or part of it), in the national five-group layout',
      kind: 'A change report lists the houses added, changed (with the fields) and removed since the region’s previous report',
    },
  },
};
