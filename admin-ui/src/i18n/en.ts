/**
 * English messages: react-admin's own plus the app's. The app part is the reference shape that the
 * Chinese dictionary must match key for key (checked by the compiler through `AppMessages`).
 */
import { TRAIL_ACTION_LABELS_EN } from '../../../domain/audit-actions.ts';
import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import type { RegionLevel } from '../../../domain/regions.ts';
import { ROLE_LABELS_EN } from '../../../domain/roles.ts';
import { buildingsEnglish } from './buildings.en.ts';
import { campaignsEnglish } from './campaigns.en.ts';
import { casesEnglish } from './cases.en.ts';
import { complaintsEnglish } from './complaints.en.ts';
import { inspectionsEnglish } from './inspections.en.ts';
import { taskContextEnglish } from './taskContext.en.ts';
import { mapEnglish } from './map.en.ts';
import { statsEnglish } from './stats.en.ts';
import { workEnglish } from './work.en.ts';
import { notificationsEnglish } from './notifications.en.ts';
import { warningsEnglish } from './warnings.en.ts';
import { bulletinsEnglish } from './bulletins.en.ts';
import { dataCentreEnglish } from './dataCentre.en.ts';
import { houseFileEnglish } from './houseFile.en.ts';
import { dataReportsEnglish } from './dataReports.en.ts';

const REGION_LEVEL_LABELS_EN: Record<RegionLevel, string> = {
  national: 'Nation',
  province: 'Province',
  city: 'City',
  district: 'District',
  town: 'Town / street',
  village: 'Village / community',
};

export const appEnglish = {
  app: {
    name: 'One Building, One Code',
    subtitle: 'Self-built house safety supervision',
    documentTitle: 'One Building, One Code · Self-built House Safety Supervision',
    language: 'Language',
    none: '—',
    notFound: { home: 'Back to the dashboard' },
    error: {
      network: 'Could not reach the server. Check the network connection and try again.',
    },
    dates: {
      invalid: 'Write the date as year-month-day, e.g. 2026-12-06',
      tooEarly: 'No earlier than %{day}',
      tooLate: 'No later than %{day}',
      pick: 'Pick a date',
    },
    roles: ROLE_LABELS_EN,
    regionLevels: REGION_LEVEL_LABELS_EN,
    login: {
      title: 'Sign in',
      username: 'Username',
      password: 'Password',
      submit: 'Sign in',
      signingIn: 'Signing in…',
      help: 'Forgot your password or locked out? Ask your system administrator to reset it.',
    },
    dashboard: {
      title: 'Dashboard',
      welcome: 'Welcome, %{name}',
      role: 'Role',
      region: 'Region',
      shortcuts: 'What you can do here',
      regions: 'Browse the administrative regions in your area',
      users: 'Create and manage user accounts',
      auditLog: 'Review who did what, and when',
      profile: 'Change your password',
      buildings: 'Find the house files of your area',
      imports: 'Register many buildings from a spreadsheet',
      labels: 'Make QR code labels for a whole region',
    },
  },
  resources: {
    ...casesEnglish,
    ...buildingsEnglish,
    ...inspectionsEnglish,
    ...complaintsEnglish,
    ...campaignsEnglish,
    ...taskContextEnglish,
    ...workEnglish,
    ...notificationsEnglish,
    ...statsEnglish,
    ...mapEnglish,
    ...warningsEnglish,
    ...bulletinsEnglish,
    ...dataCentreEnglish,
    ...houseFileEnglish,
    ...dataReportsEnglish,
    users: {
      name: 'User |||| Users',
      menu: 'Users',
      page: {
        list: 'User management',
        create: 'New user',
        edit: 'Edit user %{recordRepresentation}',
        show: 'User %{recordRepresentation}',
      },
      fields: {
        username: 'Username',
        name: 'Name',
        phone: 'Phone',
        role: 'Role',
        regionCode: 'Region',
        regionName: 'Region',
        status: 'Status',
        disabled: 'Status',
        lockedUntil: 'Locked until',
        lastLoginAt: 'Last sign-in',
        createdAt: 'Created',
        updatedAt: 'Updated',
        password: 'Initial password',
      },
      filters: {
        q: 'Username or name',
      },
      helpers: {
        username: '3–32 letters, digits, or _ . -; cannot be changed later',
        password:
          'At least 10 characters, three of upper case, lower case, digits and signs, not a common password; to be changed at first sign-in',
        region: 'The user sees and manages only this region and below',
        regionAtLevel: 'This role works at %{level} level; the user sees and manages only this region and below',
      },
      status: {
        active: 'Active',
        disabled: 'Disabled',
        locked: 'Locked',
      },
      actions: {
        disable: 'Disable',
        enable: 'Enable',
        resetPassword: 'Reset password',
        unlock: 'Unlock',
      },
      disable: {
        title: 'Disable %{name}?',
        content: 'The user is signed out at once and cannot sign in until the account is enabled again.',
      },
      enable: {
        title: 'Enable %{name}?',
        content: 'The user will be able to sign in again.',
      },
      resetPassword: {
        title: 'Reset the password of %{name}',
        content:
          'The user is signed out everywhere and the account is unlocked; they must change the password at their next sign-in. Tell them the new password in person.',
        newPassword: 'New password',
        submit: 'Reset password',
      },
      notifications: {
        created: 'User created',
        updated: 'User updated',
        disabled: 'User disabled',
        enabled: 'User enabled',
        passwordReset: 'Password reset; the account is unlocked',
        unlocked: 'Account unlocked',
      },
    },
    regions: {
      name: 'Region |||| Regions',
      menu: 'Regions',
      page: {
        title: 'Administrative regions',
      },
      fields: {
        code: 'Code',
        name: 'Name',
        level: 'Level',
        path: 'Path',
        childCount: 'Subordinate regions',
      },
      search: {
        label: 'Search regions by name',
        noResults: 'No region matches “%{q}”',
      },
      tree: {
        title: 'Region tree',
        expand: 'Expand %{name}',
        collapse: 'Collapse %{name}',
        loadError: 'Could not load this level',
      },
      detail: {
        children: 'Subordinate regions',
        noChildren: 'No subordinate regions',
        notFound: 'This region does not exist or you are not allowed to view it.',
        backToMine: 'Back to my region',
        select: 'Choose a region in the tree to see its details.',
      },
    },
    'audit-log': {
      name: 'Audit entry |||| Audit log',
      menu: 'Audit log',
      page: {
        list: 'Audit log',
      },
      fields: {
        at: 'Time',
        actorName: 'By',
        actorId: 'User ID',
        action: 'Action',
        subject: 'Subject',
        subjectType: 'Subject type',
        subjectId: 'Subject ID',
        regionCode: 'Region code',
        ip: 'IP address',
        requestId: 'Request ID',
        details: 'Details',
        source: 'Kept in',
        from: 'From',
        to: 'To',
      },
      // One list for the trail's actions (domain/audit-actions.ts); the filter offers the same.
      actions: TRAIL_ACTION_LABELS_EN,
      sources: {
        audit: 'Audit log',
        case: 'Case trail',
      },
      subjectTypes: {
        User: 'User',
        Region: 'Region',
        Session: 'Session',
        Building: 'Building',
        ImportJob: 'Import',
        LabelBatch: 'Label batch',
        Bulletin: 'Bulletin',
        Case: 'Case',
        Complaint: 'Complaint',
        Inspection: 'Inspection',
        Campaign: 'Special inspection',
      },
      onlyThisActor: 'Show only entries by %{name}',
      machineActors: { system: 'System (initial data)', cli: 'Command-line tool' },
      noDetails: 'No further details',
    },
    profile: {
      name: 'Personal settings',
      account: 'My account',
      fields: {
        username: 'Username',
        name: 'Name',
        role: 'Role',
        region: 'Region',
      },
      password: {
        title: 'Change password',
        current: 'Current password',
        new: 'New password',
        confirm: 'Repeat the new password',
        mismatch: 'The two new passwords differ',
        helper: 'At least 10 characters, three of upper case, lower case, digits and signs, not a common password',
        submit: 'Change password',
        done: 'Password changed. Your sign-ins on other devices have been ended.',
      },
      firstChange: {
        title: 'Change your password first',
        content: 'An administrator set your password. Choose one only you know before you go on.',
        signOut: 'Sign out',
      },
    },
  },
};

/** The shape every locale's app messages must have: the English keys, any strings. */
export type MessageShape<T> = { [K in keyof T]: T[K] extends string ? string : MessageShape<T[K]> };
export type AppMessages = MessageShape<typeof appEnglish>;

export const messages: TranslationMessages = { ...englishMessages, ...appEnglish };
