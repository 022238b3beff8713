/**
 * English messages of daily inspections (排查记录): the reference shape for `inspections.zh.ts`,
 * which takes the judgement labels from `domain/buildings/enums.ts`. Hazard categories are the
 * cases' (`resources.cases.enums.category`).
 */
import type { Judgement } from '../../../domain/buildings/enums.ts';

const judgement: Record<Judgement, string> = {
  serious: 'Serious safety hazard',
  some: 'Some safety hazard',
  none: 'No safety hazard found',
};

export const inspectionsEnglish = {
  inspections: {
    name: 'Inspection |||| Inspections',
    menu: 'Inspections',
    page: {
      list: 'Inspections',
      show: 'Inspection: %{recordRepresentation}',
    },
    fields: {
      inspectedAt: 'Inspected at',
      receivedAt: 'Received at',
      address: 'House',
      buildingCode: 'Building code',
      villageName: 'Village / community',
      inspectorName: 'Inspector',
      judgement: 'Preliminary judgement',
      hazards: 'Hazards',
      presence: 'Position check',
      cases: 'Cases',
      notes: 'Notes',
      files: 'Photos',
      position: 'Position',
      regionCode: 'Region',
    },
    filters: {
      flagged: 'Position problems only',
      from: 'Inspected from',
      to: 'Inspected until',
    },
    tabs: {
      all: 'All',
      flagged: 'Position problems',
    },
    enums: {
      judgement,
    },
    presence: {
      near: 'On site (%{distance} m)',
      far: '%{distance} m from the house',
      missing: 'No position given',
      unverifiable: 'House has no coordinates',
    },
    presenceHelp: {
      near: 'The phone was %{distance} m from the house, within %{radius} m: the inspector was on site.',
      far: 'The phone was %{distance} m from the house, more than %{radius} m: the town or street office should verify.',
      missing: 'The form was sent without a position (location refused or unavailable): the town or street office should verify.',
      unverifiable: 'The house file has no coordinates, so the position cannot be checked.',
    },
    hazard: {
      opened: 'New case',
      joined: 'Joined an open case',
    },
    sections: {
      hazards: 'Hazards found',
      notes: 'Notes',
      photos: 'Photos on site',
      position: 'Position',
    },
    values: {
      noHazards: 'No hazard found',
      noPhotos: 'No photos',
      accuracy: 'Accuracy about %{accuracy} m',
      coordinates: 'Latitude %{latitude}, longitude %{longitude}',
      uploadedLater: 'Sent later from an offline phone',
      photo: 'Photo %{name}',
    },
    houseFile: {
      empty: 'No inspections yet',
      all: 'All %{count} inspections',
    },
  },
};
