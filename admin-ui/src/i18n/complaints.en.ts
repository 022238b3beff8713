/**
 * English messages of complaints (投诉举报): the reference shape for `complaints.zh.ts`. Categories,
 * severities and case statuses are the cases' (`resources.cases.enums…`).
 */
export const complaintsEnglish = {
  complaints: {
    name: 'Complaint |||| Complaints',
    menu: 'Complaints',
    page: {
      list: 'Complaints',
      show: 'Complaint %{recordRepresentation}',
    },
    fields: {
      createdAt: 'Received at',
      trackingNo: 'Tracking no.',
      place: 'House / location',
      house: 'House',
      position: 'Map location',
      villageName: 'Village / community',
      category: 'Category',
      status: 'Status',
      verifyDueAt: 'Verify by',
      verifiedAt: 'Verified at',
      verifiedByName: 'Verified by',
      contact: 'Complainant',
      contactName: 'Name',
      contactPhone: 'Phone',
      caseNumber: 'Case',
      channel: 'Channel',
      description: 'Complaint',
      regionCode: 'Region',
      buildingCode: 'Building code',
      result: 'Finding',
      severity: 'Hazard severity',
      reply: 'Reply to the complainant',
      verifyNote: 'Internal note',
    },
    filters: {
      overdue: 'Overdue only',
      from: 'Received from',
      to: 'Received until',
    },
    tabs: {
      verifying: 'To verify',
      overdue: 'Overdue',
      all: 'All',
    },
    enums: {
      state: {
        verifying: 'To verify',
        overdue: 'Verification overdue',
        confirmed: 'Confirmed · case opened',
        unfounded: 'Unfounded',
      },
      status: {
        verifying: 'To verify',
        confirmed: 'Confirmed · case opened',
        unfounded: 'Unfounded',
      },
      result: {
        confirmed: 'Confirmed',
        unfounded: 'Unfounded',
      },
      channel: {
        web: 'Web',
        open311: 'Open311',
      },
    },
    sections: {
      place: 'House / location',
      description: 'Complaint',
      photos: 'Photos',
      notices: 'Messages to the complainant',
      contact: 'Complainant',
      verification: 'Verification',
      case: 'Case',
    },
    values: {
      anonymous: 'Anonymous',
      mapPosition: 'Map location',
      coordinates: 'Latitude %{latitude}, longitude %{longitude}',
      noPhotos: 'No photos',
      photo: 'Photo %{name}',
      notVerified: 'Not verified on site yet.',
      newCase: 'New case',
      joinedCase: 'Joined an open case',
    },
    header: {
      overdue: 'The verification deadline has passed: verify on site as soon as possible.',
    },
    help: {
      map: 'The complainant picked this point on the map; it belongs to the village of the nearest registered house.',
      mapVerifying:
        'The complainant picked this point on the map; it belongs to the village of the nearest registered house. Confirming it needs the code of the house found on site.',
      notices: 'What the complainant reads on the progress page.',
      buildingCode: 'The 18-character code on the QR label of the house found on site',
      reply: 'The complainant reads this on the progress page',
      note: 'Internal only: the complainant never sees it',
    },
    personal: {
      note: 'Viewing the full details is recorded in the audit log.',
      recorded: 'This view was recorded in the audit log.',
      confidential: 'The complainant’s identity is confidential.',
    },
    actions: {
      verify: 'Verify',
      submitVerify: 'Record verification',
      showPersonal: 'Show full details',
    },
    verify: {
      title: 'Verify complaint %{trackingNo}',
      content:
        'Record what was found on site. A confirmed complaint opens a hazard case, or joins the open case of the same house and category; an unfounded one is closed with your reply.',
    },
    validation: {
      trackingNo: 'A tracking number is TS, an 8-digit date and 8 letters or digits (older ones: 14 digits)',
      buildingCodeRequired: 'Enter the code of the house verified on site',
    },
    notifications: {
      verified: 'Verification recorded',
    },
    houseFile: {
      empty: 'No complaints yet',
      all: 'All %{count} complaints',
    },
  },
};
