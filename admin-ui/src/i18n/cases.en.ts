/**
 * English messages of hazard cases, the task inbox and the process definition: the reference shape
 * for `cases.zh.ts`, whose step, form and enum words come from the definition and the domain.
 */
import type {
  CONTROL_MEASURES,
  ESCALATION_ACTIONS,
  MEASURES,
  RECHECK_RESULTS,
  RELATIONS,
} from '../../../definitions/hazard-case/labels.ts';
import type { Severity, StepId } from '../../../definitions/hazard-case/index.ts';
import type { CallbackKind, CaseCategory, CaseSource, CaseStatus, EscalationStatus } from '../cases/types.ts';
import type { TaskStatus, TaskView } from '../tasks/types.ts';

type Labels<T extends Record<string, string>> = Record<keyof T, string>;

const category: Record<CaseCategory, string> = {
  foundation: 'Foundation',
  structure_damage: 'Load-bearing structure damage',
  illegal_addition: 'Unapproved added floors or extension',
  load_bearing_alteration: 'Load-bearing walls removed or altered',
  use_change: 'Unapproved change of use',
  appraisal_report: 'False or missing appraisal report',
  ancillary: 'Ancillary parts',
  surroundings: 'Surroundings',
  other: 'Other',
};

const status: Record<CaseStatus, string> = {
  registered: 'Registered',
  assigning: 'To assign',
  controlling: 'Under control',
  rectifying: 'Rectifying',
  rechecking: 'To recheck',
  closing: 'To close',
  closed: 'Closed',
  cancelled: 'Cancelled',
};

const severity: Record<Severity, string> = { serious: 'Serious hazard', general: 'Some hazard' };

const source: Record<CaseSource, string> = {
  officer: 'Registered by an officer',
  inspection: 'Found in an inspection',
  complaint: 'Citizen complaint',
};

const escalationStatus: Record<EscalationStatus, string> = {
  sending: 'Sending',
  accepted: 'Accepted',
  refused: 'Refused',
  handled: 'Handled',
};

const callbackKind: Record<CallbackKind, string> = { acknowledged: 'Acknowledged', instruction: 'Instruction', result: 'Result' };

const step: Record<StepId, string> = {
  assign: 'Assign',
  control: 'Control',
  rectify: 'Rectify',
  recheck: 'Recheck',
  close: 'Close',
  escalationRefused: 'Handle refused escalation',
};

const measures: Labels<typeof MEASURES> = {
  stop_use_evacuate: 'Stop use and evacuate',
  repair_reinforce: 'Repair or reinforce',
  appraisal: 'Appraisal by a qualified agency',
  demolish: 'Demolish',
};

const relations: Labels<typeof RELATIONS> = { owner: 'Owner', user: 'User', manager: 'Manager', other: 'Other' };

const controlMeasures: Labels<typeof CONTROL_MEASURES> = {
  stopped_use: 'Use stopped',
  evacuated: 'People evacuated',
  barrier: 'Barrier set up',
  warning_sign: 'Warning sign put up',
};

const recheckResults: Labels<typeof RECHECK_RESULTS> = { pass: 'Pass', fail: 'Fail' };

const escalationActions: Labels<typeof ESCALATION_ACTIONS> = {
  resent: 'Complete and send again',
  handled: 'Handled, do not send again',
};

const outcome = {
  assigned: 'Assigned',
  controlled: 'Controlled',
  submitted: 'Evidence submitted',
  pass: 'Passed',
  fail: 'Failed',
  closed: 'Closed',
  resent: 'Sent again',
  handled: 'Handled',
};

const taskStatus: Record<TaskStatus, string> = { open: 'Not claimed', claimed: 'Claimed', completed: 'Done', cancelled: 'Cancelled' };

const views: Record<TaskView, string> = { mine: 'My tasks', claimable: 'To claim', done: 'Done', overdue: 'Overdue' };

export const casesEnglish = {
  cases: {
    name: 'Hazard case |||| Hazard cases',
    menu: 'Hazard cases',
    page: {
      list: 'Hazard cases',
      create: 'Register a hazard',
      show: 'Case %{recordRepresentation}',
    },
    fields: {
      id: 'Case',
      number: 'Case number',
      buildingCode: 'Building code',
      address: 'House',
      category: 'Hazard category',
      severity: 'Severity',
      status: 'Status',
      dueAt: 'Due',
      escalationCount: 'Escalations',
      createdAt: 'Registered',
      closedAt: 'Closed',
      description: 'Description',
      source: 'Source',
      responsible: 'Responsible party',
      measures: 'Measures',
      rectifyDeadline: 'Rectification deadline',
      appraisalGrade: 'Appraisal grade',
      demolished: 'Demolished',
      reason: 'Reason',
    },
    filters: {
      q: 'Case number',
      overdue: 'Overdue only',
      town: 'Town / street',
      createdFrom: 'Registered from',
      createdTo: 'Registered until',
    },
    helpers: {
      buildingCode: 'The 18-character code on the house’s QR label',
      description: 'What was found, where in the house, and how bad it is',
      severityHelp: 'Follow the preliminary judgement of the inspection',
      severity: {
        serious:
          'Serious hidden danger: unstable foundation or clearly damaged load-bearing members, risk of collapse. Stop use, evacuate and seal off at once.',
        general: 'Some hidden danger: individual members damaged.',
      },
    },
    validation: {
      buildingCode: {
        length: 'A building code has 18 characters',
        characters: 'The first 17 characters are digits, the last a digit or X',
        checkCharacter: 'The check character does not match; please check for a typo',
      },
    },
    create: {
      buildingUnknown: 'No house with this code in your area',
    },
    actions: {
      register: 'Register hazard',
      cancel: 'Cancel case',
      escalate: 'Escalate',
      dossier: 'Export dossier',
    },
    cancel: {
      title: 'Cancel this case?',
      content: 'The case is withdrawn (e.g. an unfounded complaint) and its open tasks are cancelled. The reason is recorded in its trail.',
    },
    escalate: {
      title: 'Escalate to the supervision system?',
      content: 'The case is sent to the government supervision system and to the district. Its answers will appear on this page.',
    },
    notifications: {
      conflict: '%{message} The page has been refreshed.',
      registered: 'Hazard registered as case %{number}',
      cancelled: 'Case cancelled',
      escalated: 'Escalation sent',
    },
    enums: {
      category,
      status,
      severity,
      escalationStatus,
      callbackKind,
      source,
    },
    due: {
      left: '%{time} left',
      overdue: 'Overdue by %{time}',
      days: '%{n} d',
      hours: '%{n} h',
      minutes: '%{n} min',
    },
    header: {
      recheckFailures: 'Failed rechecks: %{count}',
      cancelled: 'Cancelled: %{reason}',
      closed: 'Closed and the warning sign removed.',
    },
    openTask: {
      step: 'Waiting for %{step}',
      claimedBy: 'with %{name}',
      unclaimed: 'not claimed yet',
    },
    sections: {
      openTasks: 'Open tasks',
      diagram: 'Process',
      timeline: 'Audit trail',
      facts: 'Case record',
      escalations: 'Escalations',
    },
    diagram: {
      label: 'Process diagram of case %{number}',
      visits: 'Entered %{n} time(s)',
    },
    chain: {
      ok: 'Verified (%{count} entries)',
      broken: 'Entry %{seq} failed verification',
      lastHash: 'Last hash %{hash}',
    },
    timeline: {
      system: 'System',
      actor: '%{name} (%{role})',
      account: '%{name} (account %{username}, %{role})',
      accountOnly: '%{name} (account %{username})',
      file: '%{name} (SHA-256 %{sha256}…)',
    },
    steps: {
      closed: 'Closed',
      cancelled: 'Cancelled',
      state: { done: 'Done', active: 'In progress', overdue: 'Overdue', pending: 'Not started', skipped: 'Not reached' },
    },
    deadline: {
      byDefault: '%{date} (default deadline)',
      notYet: 'Set at assignment',
      afterControl: '%{days} days from the start of rectification (default deadline)',
    },
    source: {
      inspection: 'Inspection of',
      complaint: 'Complaint %{trackingNo}',
    },
    discovery: {
      title: 'How it was found',
      inspection: { daily: 'Daily inspection', special: 'Special inspection' },
      complaint: 'Citizen complaint %{trackingNo}',
      joined: 'Joined this case',
      origin: 'Opened this case',
      open: 'Open the record',
      description: 'Hazard',
      content: 'Complaint',
      notes: 'Inspector notes',
      judgement: 'Judgement',
      position: 'Position',
      positionValue: '%{latitude}, %{longitude}',
      accuracy: ' (accuracy %{accuracy} m)',
      noPosition: 'Not given',
      presence: 'Presence check',
      verified: 'Verified',
      verifyNote: 'Verification note',
      photos: 'Photos',
      noPhotos: 'No photos',
      complainant: 'The complainant is confidential and not shown on cases',
    },
    houseFile: {
      empty: 'No hazard cases',
      all: 'All %{count} cases',
      opened: 'Registered',
      deadline: 'Rectify by %{date}',
    },
    escalations: {
      none: 'Not escalated',
      simulator: ' (simulator)',
      system: 'Supervision system',
      no: 'Escalation %{no}',
      requestedAt: 'Sent',
      answeredAt: 'Answered',
      receipt: 'Receipt',
    },
  },
  tasks: {
    name: 'Task |||| Tasks',
    menu: 'My tasks',
    page: {
      inbox: 'My tasks',
      task: 'Task: %{step}',
    },
    views,
    fields: {
      dueAt: 'Due',
      completedAt: 'Completed',
      caseNumber: 'Case',
      step: 'Step',
      address: 'House',
      severity: 'Severity',
      assigneeName: 'With',
      responsibleName: 'Responsible party',
      responsiblePhone: 'Phone',
      relation: 'Relation to the house',
      measures: 'Measures',
      rectifyDeadline: 'Rectification deadline',
      note: 'Note',
      measuresTaken: 'Control measures taken',
      controlPhotos: 'Photos on site',
      rectifyDescription: 'What was rectified',
      rectifyFiles: 'Rectification photos and documents',
      appraisalGrade: 'Appraisal grade',
      appraisalReport: 'Appraisal report (PDF)',
      demolished: 'House demolished',
      recheckResult: 'Recheck result',
      reasons: 'Why it fails',
      recheckPhotos: 'Recheck photos',
      signRemoved: 'Warning sign removed',
      demolitionFiles: 'Proof of demolition',
      escalationAction: 'What to do',
      escalationNote: 'Explanation',
    },
    filters: {
      q: 'Case number, address or code',
    },
    helpers: {
      phone: 'Mobile, or landline with area code (0763-3381234)',
      relation: 'The owner is the first responsible person',
      rectifyDeadline: 'Leave empty for the default: %{days} days',
      appraisalGrade: 'Where the house was appraised',
      appraisalReport: 'The qualified agency’s report, as PDF',
      reasons: 'The case goes back to rectification; a second failure escalates it',
      seriousClose: 'A serious case closes only with grade A or B, or proof of demolition',
    },
    intro: {
      assign: 'Set who must rectify, the measures and the deadline.',
      control: 'Stop use, evacuate, put up a barrier and a warning sign, and photograph them.',
      rectify: 'Submit the owner’s rectification evidence: what was done, photos, and the appraisal report where needed.',
      recheck: 'Check the rectification on site. It may not be checked by whoever submitted it.',
      close: 'Close the case and take down the warning sign.',
      escalationRefused: 'The supervision system refused the escalation: complete it and send again, or record it handled.',
    },
    actions: {
      claim: 'Claim',
      work: 'Work on it',
      submit: 'Submit',
      release: 'Give back',
      reassign: 'Reassign',
      back: 'Back to my tasks',
    },
    state: {
      finished: 'This task is done.',
      claimFirst: 'Claim this task to work on it.',
      heldBy: '%{name} is working on this task.',
      notYours: 'You cannot work on this task.',
    },
    empty: {
      mine: 'Nothing waiting for you.',
      claimable: 'No tasks to claim.',
      done: 'You have not completed any tasks yet.',
      overdue: 'Nothing overdue.',
    },
    evidence: {
      title: 'Latest rectification evidence',
    },
    reassign: {
      title: 'Reassign “%{step}”',
      to: 'To',
      reason: 'Reason (optional)',
      noCandidates: 'Nobody else may work on this step',
    },
    upload: {
      camera: 'Take photo',
      pickPhotos: 'Choose photos',
      pickFiles: 'Choose photos or PDF',
      pickPdf: 'Choose PDF',
      limits: 'JPEG, PNG, WebP or PDF, up to 10 MB each',
      limitsImages: 'JPEG, PNG or WebP photos, up to 10 MB each',
      uploading: 'Uploading %{name}',
      remove: 'Remove %{name}',
      failed: 'Upload failed',
      wrongType: 'Type not accepted',
      tooLarge: 'Larger than 10 MB',
      empty: 'Empty file',
      pending: 'Wait until the uploads finish',
      required: 'Add at least one photo',
      requiredFile: 'Add the file',
      tooMany: 'At most 20 files',
    },
    validation: {
      phone: 'A mobile number (11 digits) or a landline with area code',
      pastDate: 'The deadline cannot be in the past',
      signRemoved: 'Tick this once the warning sign has been removed',
      seriousClose: 'A serious case needs grade A or B, or proof of demolition',
      demolitionProof: 'Add the proof of demolition',
    },
    values: {
      notAppraised: 'Not appraised',
    },
    notifications: {
      claimed: 'Task claimed',
      released: 'Task given back',
      completed: 'Submitted',
      reassigned: 'Task reassigned',
      invalid: 'Some entries need correcting',
    },
    enums: {
      step,
      measures,
      relations,
      controlMeasures,
      recheckResults,
      escalationActions,
      outcome,
      status: taskStatus,
    },
  },
  definitions: {
    name: 'Process definition |||| Process definitions',
    menu: 'Process definition',
    page: {
      title: 'Process definition',
    },
    fields: {
      version: 'Version',
      versionN: 'Version %{version}',
      latest: ' (current)',
      region: 'Region',
      allRegions: 'All my area',
    },
    stats: {
      badge: 'now %{active} / passed %{passed}',
      cases: '%{count} cases',
    },
    steps: {
      title: 'Steps',
      name: 'Step',
      roles: 'Worked by',
      level: 'Level',
      serious: 'Deadline (serious)',
      general: 'Deadline (some)',
      reminders: 'Reminders before',
      outcomes: 'Outcomes',
      days: '%{n} d',
      none: '—',
    },
    diagram: {
      label: 'Hazard case process diagram',
      failed: 'The diagram could not be loaded',
      zoomIn: 'Zoom in',
      zoomOut: 'Zoom out',
      fit: 'Fit to view',
      legend: {
        done: 'Passed',
        active: 'Now here',
        overdue: 'Overdue',
      },
    },
  },
};
