/**
 * English messages of the field worker's phone screens: the work home, the complaints to verify in the
 * inbox, the scan entry and the verification's evidence. The reference shape for `work.zh.ts`.
 */
export const workEnglish = {
  work: {
    scan: 'Scan',
    scanHint: 'Scan a house label to open its page',
    home: {
      title: 'My work',
      greeting: 'Hello, %{name}',
      due: 'My tasks',
      claimable: 'To claim',
      verify: 'To verify',
      campaigns: 'Special inspections',
      overdue: 'Overdue',
      more: 'All %{count}',
      dueSoon: 'Due soonest',
      nothing: 'Nothing waiting. Scan a house label to start a daily inspection.',
    },
    verify: {
      tab: 'To verify',
      place: 'Place',
      category: 'Category',
      dueAt: 'Verify by',
      trackingNo: 'Complaint',
      action: 'Verify',
      empty: 'No complaints waiting for verification.',
      photos: 'Photos on site',
      takePhoto: 'Take a photo',
      photoCount: '%{count} of at most %{max} photos',
      removePhoto: 'Remove photo %{n}',
      position: 'Position',
      locating: 'Locating…',
      located: 'Located (±%{accuracy} m)',
      noPosition: 'Position unavailable: the verification is recorded without it',
      retryPosition: 'Try again',
      uploading: 'Uploading photos…',
    },
    inspection: {
      campaign: 'Special inspection: %{name}',
    },
    evidence: {
      title: 'On-site evidence',
      position: 'Phone position',
      distance: '%{distance} m from the house',
      presence: {
        near: 'On site',
        far: 'Far from the house',
        missing: 'No position',
        unverifiable: 'House has no coordinates',
      },
      none: 'No photos or position recorded',
    },
  },
};
