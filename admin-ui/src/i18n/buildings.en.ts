/**
 * English messages of the building registry: house files, imports and label batches. The reference
 * shape for `buildings.zh.ts`, which takes its enum labels from `domain/buildings/enums.ts`.
 */
import type {
  Alteration,
  AppraisalGrade,
  ApprovalType,
  BuildingUse,
  BusinessCategory,
  FoundationType,
  Judgement,
  RectificationStatus,
  StructureType,
} from '../../../domain/buildings/enums.ts';
import { NOT_INSPECTED } from '../../../domain/buildings/enums.ts';
import type { Gap } from '../../../domain/completeness/gaps.ts';

const structureType: Record<StructureType, string> = {
  timber: 'Timber',
  brick_timber: 'Brick and timber',
  brick_concrete: 'Brick and concrete',
  reinforced_concrete: 'Reinforced concrete',
  steel: 'Steel',
  earth_stone: 'Earth or stone',
  other: 'Other',
};

const foundationType: Record<FoundationType, string> = {
  strip: 'Strip footing',
  isolated: 'Isolated footing',
  raft: 'Raft',
  pile: 'Piles',
  rubble: 'Rubble stone',
  unknown: 'Unknown',
  other: 'Other',
};

const alteration: Record<Alteration, string> = {
  none: 'None',
  added_floors: 'Floors added',
  extension: 'Extension',
  load_bearing_change: 'Load-bearing structure changed',
};

const use: Record<BuildingUse, string> = {
  own_home: 'Own home',
  rental: 'Rental',
  business: 'Business',
  mixed: 'Mixed (living, production, storage)',
  other: 'Other',
};

const businessCategory: Record<BusinessCategory, string> = {
  catering: 'Catering',
  lodging: 'Lodging / homestay',
  education: 'Education and training',
  elderly_care: 'Elderly care',
  medical: 'Medical',
  retail: 'Retail / market',
  entertainment: 'Culture, sports and entertainment',
  production: 'Production',
  warehousing: 'Warehousing and logistics',
  other: 'Other',
};

const latestJudgement: Record<Judgement | typeof NOT_INSPECTED, string> = {
  serious: 'Serious hidden danger',
  some: 'Some hidden danger',
  none: 'No hidden danger found',
  [NOT_INSPECTED]: 'Not inspected yet',
};

const appraisalGrade: Record<AppraisalGrade | 'none', string> = {
  A: 'A (no dangerous members)',
  B: 'B (individual dangerous members)',
  C: 'C (partially dangerous)',
  D: 'D (whole building dangerous)',
  none: 'Not appraised',
};

const riskTier = { red: 'Red', orange: 'Orange', yellow: 'Yellow', green: 'Green' };

const rectificationStatus: Record<RectificationStatus, string> = {
  not_needed: 'Not needed',
  pending: 'To do',
  in_progress: 'In progress',
  done: 'Done',
};

const gap: Record<Gap, string> = {
  no_coordinates: 'No coordinates',
  no_owner: 'No owner',
  no_approvals: 'No approvals',
  business_no_licence: 'Business use, no licence',
  business_no_appraisal: 'Business use, no appraisal',
  dangerous_no_appraisal: 'Judged dangerous, no appraisal',
  likely_duplicate: 'Likely duplicate',
};

const approvalType: Record<ApprovalType, string> = {
  planning_permit: 'Construction planning permit',
  rural_planning_permit: 'Rural construction planning permit',
  rural_housing_approval: 'Rural homestead approval',
  construction_permit: 'Construction permit',
  completion_acceptance: 'Completion acceptance filing',
  business_licence: 'Business licence',
  food_business_licence: 'Food business licence',
  fire_safety_check: 'Fire safety inspection certificate',
  special_trade_licence: 'Special trade licence (lodging)',
  school_licence: 'School licence',
  elderly_care_filing: 'Elderly care institution filing',
  medical_licence: 'Medical institution licence',
  other: 'Other',
};

const jobStatus = { queued: 'Queued', running: 'Running', done: 'Done', failed: 'Failed' };

export const buildingsEnglish = {
  buildings: {
    name: 'Building |||| Buildings',
    menu: 'House files',
    page: {
      list: 'House files',
      create: 'New house file',
      edit: 'Edit %{recordRepresentation}',
      show: '%{recordRepresentation}',
    },
    fields: {
      id: 'Building code',
      code: 'Building code',
      villageCode: 'Village / community',
      villageName: 'Village / community',
      townName: 'Town / street',
      externalId: 'National platform code',
      address: 'Address',
      longitude: 'Longitude',
      latitude: 'Latitude',
      ownerName: 'Owner',
      ownerPhone: 'Owner’s phone',
      floorsAbove: 'Floors above ground',
      floorsBelow: 'Floors below ground',
      floorArea: 'Floor area (m²)',
      yearBuilt: 'Year built',
      structureType: 'Structure',
      foundationType: 'Foundation',
      professionallyDesigned: 'Professionally designed',
      qualifiedBuilder: 'Built by a qualified builder',
      alteration: 'Alterations',
      alterationYear: 'Year of alteration',
      approvals: 'Approvals',
      use: 'Use',
      businessCategory: 'Business category',
      occupants: 'Usual occupants',
      latestJudgement: 'Latest judgement',
      latestJudgementAt: 'Inspected on',
      rectificationStatus: 'Rectification',
      rectificationMeasures: 'Measures taken',
      appraisalGrade: 'Appraisal grade',
      appraisalDate: 'Appraised on',
      appraisalReport: 'Appraisal report',
      businessUseForbidden: 'Business use forbidden',
      version: 'Version',
      createdAt: 'Registered',
      updatedAt: 'Updated',
      regionCode: 'Region',
      q: 'Search',
      minFloors: 'At least … floors',
      maxFloors: 'At most … floors',
      yearFrom: 'Built from (year)',
      yearTo: 'Built until (year)',
      yearUnknown: 'Build year unknown',
      businessUse: 'Business use',
      openCase: 'Has an open case',
      overdue: 'Has an overdue case',
      riskTier: 'Risk tier',
      riskReasons: 'Why',
      inspectedFrom: 'Inspected since',
      notInspectedSince: 'Not inspected since',
      gap: 'Data gap',
      coordinates: 'Coordinates',
      floors: 'Floors',
    },
    approval: {
      type: 'Type',
      number: 'Number',
      date: 'Date',
      issuer: 'Issued by',
      scan: 'Scan',
      uploadScan: 'Upload scan',
      uploading: 'Uploading…',
      scanAttached: 'scan attached',
    },
    groups: {
      basic: 'Basic facts',
      construction: 'Construction',
      management: 'Use and management',
      inspection: 'Inspection',
      rectification: 'Rectification',
    },
    enums: {
      structureType,
      foundationType,
      alteration,
      use,
      businessCategory,
      latestJudgement,
      appraisalGrade,
      rectificationStatus,
      approvalType,
      riskTier,
      gap,
    },
    filters: {
      q: 'Code or address',
      qOwner: 'Code, address or owner',
      regionCode: 'Region',
    },
    values: {
      yes: 'Yes',
      no: 'No',
      unknown: 'Not recorded',
      empty: '(empty)',
      notInspected: 'Not inspected yet',
      floors: '%{above} above, %{below} below ground',
      approvalsCount: '%{count} item(s)',
    },
    helpers: {
      stateFromCases: 'An open hazard case of this house decides this field',
      villageCode: 'Only a village or community; the building code is assigned from it and cannot change',
      ownerMasked: 'Partly hidden; type a new value to replace it',
      coordinates: 'WGS-84 (GPS) coordinates',
      businessCategory: 'Only for business or mixed use',
      alterationYear: 'Only when the house was altered',
    },
    validation: {
      integer: 'Must be a whole number',
      phone: 'Enter a phone number (digits, +, - or spaces, 5 to 20 characters)',
      future: 'Cannot be later than today',
    },
    actions: {
      printLabel: 'Print label',
      printLabels: 'Print labels',
      showPersonal: 'Show in full',
      publicPage: 'Public page',
      reload: 'Reload',
      import: 'Import',
    },
    personal: {
      note: 'Viewing the full details is recorded in the audit log.',
      recorded: 'This view has been recorded.',
    },
    qr: {
      title: 'QR code',
      hint: 'Scanning it opens the building’s public page.',
      alt: 'QR code of building %{code}',
    },
    warnings: {
      businessUseForbidden:
        'This house is used for business although it must not be: it is graded C or D, or judged seriously dangerous and not appraised.',
      businessUseForbiddenShort: 'No business use',
    },
    risk: {
      title: 'Risk tier',
      noReasons: 'No risk rule applies to this house.',
      notAssessed: 'Not assessed yet',
      rules: 'Rules version %{version}',
      history: 'Tier history',
      historyEmpty: 'No change of tier recorded yet',
      first: 'First assessment',
      causes: {
        appraisal: 'Appraisal',
        case: 'Hazard case',
        inspection: 'Inspection',
        complaint: 'Complaint verified',
        building: 'House file edited',
        import: 'Import',
        schedule: 'Scheduled check (deadline or inspection interval passed)',
        recompute: 'Recomputed by an operator',
        seed: 'Demo data',
      },
    },
    history: {
      title: 'Change history',
      all: 'All changes',
      safety: 'Safety state',
      safetyHint:
        'Changes of the judgement, rectification status, measures and appraisal grade, and the inspection, complaint or case behind each',
      safetyEmpty: 'The safety state has not changed yet',
      empty: 'No changes recorded',
      created: 'File created',
      sources: {
        appraisal: 'Appraisal',
        api: 'Edited',
        ui: 'Edited',
        import: 'Import',
        inspection: 'Inspection',
        case: 'Hazard case',
        complaint: 'Complaint verified',
        system: 'System',
      },
    },
    related: {
      inspections: 'Inspections',
      complaints: 'Complaints',
      cases: 'Hazard cases',
    },
    notifications: {
      created: 'House file created',
      updated: 'House file saved',
      stale: 'Someone else changed this house meanwhile, so your changes were not saved. Reload the page and make them again.',
      tooManyLabels: 'At most %{max} buildings at a time; for a whole region use “Labels”.',
      labelsReady: 'Labels downloaded',
    },
    notFound: 'This building does not exist or you may not view it.',
  },
  'building-imports': {
    name: 'Import |||| Imports',
    menu: 'Import',
    page: {
      list: 'Imports',
      create: 'Import buildings',
      show: 'Import %{recordRepresentation}',
    },
    fields: {
      fileName: 'File',
      status: 'Status',
      totalRows: 'Rows',
      processedRows: 'Processed',
      inserted: 'Added',
      updated: 'Updated',
      unchanged: 'Unchanged',
      failedRows: 'Rows with problems',
      error: 'Error',
      createdAt: 'Uploaded',
      finishedAt: 'Finished',
      progress: 'Progress',
    },
    status: jobStatus,
    upload: {
      intro:
        'Download a template, fill in one building per row under its column headings, and upload it. CSV and Excel (.xlsx) files are accepted.',
      templateCsv: 'CSV template',
      templateXlsx: 'Excel template',
      choose: 'Choose a file',
      noFile: 'No file chosen',
      submit: 'Upload and import',
      uploading: 'Uploading…',
      wrongType: 'Only .csv or .xlsx files can be imported',
      again: 'Import another file',
      past: 'Past imports',
    },
    progress: '%{processed} of %{total} rows processed',
    waiting: 'Waiting to start…',
    problems: {
      title: 'Rows with problems',
      line: 'Line',
      column: 'Column',
      value: 'Value',
      reason: 'Reason',
      none: 'Every row was imported.',
      download: 'Download the error report (CSV)',
      hint: 'Correct these rows in your file and import it again.',
    },
  },
  'label-batches': {
    name: 'Label batch |||| Label batches',
    menu: 'Labels',
    page: {
      list: 'Label batches',
      create: 'New label batch',
    },
    fields: {
      id: 'Batch',
      regionCode: 'Region',
      status: 'Status',
      total: 'Buildings',
      doneCount: 'Done',
      progress: 'Progress',
      createdAt: 'Requested',
      createdByName: 'Requested by',
      finishedAt: 'Finished',
      error: 'Error',
    },
    status: jobStatus,
    selection: 'Chosen buildings',
    helpers: {
      regionCode: 'Labels for every building in this region (a town or a village)',
    },
    actions: {
      download: 'Download PDF',
    },
    notifications: {
      created: 'Label batch requested; it appears below while it is made',
    },
    progress: '%{done} / %{total}',
  },
};
