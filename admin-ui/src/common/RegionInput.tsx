/**
 * Picks a region by typing part of its name: an autocomplete over `GET /api/regions?q=`, which only
 * offers regions inside the user's own scope. Each option shows its path to tell apart same-named
 * villages. `level` narrows the choices to one level (a house belongs to a village).
 */
import { AutocompleteInput, ReferenceInput, useTranslate } from 'react-admin';
import type { Validator } from 'react-admin';
import { RegionOption } from './RegionOption.tsx';
import type { RegionLevel } from '../../../domain/regions.ts';
import type { RegionListItem } from '../regions/types.ts';

interface RegionInputProps {
  source: string;
  label?: string;
  helperText?: string | false;
  validate?: Validator | Validator[];
  fullWidth?: boolean;
  /** Read by react-admin's filter form when the input is a list filter. */
  alwaysOn?: boolean;
  level?: RegionLevel;
}

const inputText = (region: RegionListItem) => region.name;
const filterToQuery = (q: string) => ({ q: q.trim() });
const anySuggestion = () => true;

export function RegionInput({ source, label, helperText, validate, fullWidth, level }: RegionInputProps) {
  const translate = useTranslate();
  return (
    <ReferenceInput
      source={source}
      reference="regions"
      sort={{ field: 'code', order: 'ASC' }}
      perPage={20}
      filter={level ? { level } : undefined}
    >
      <AutocompleteInput
        label={label}
        helperText={helperText}
        validate={validate}
        optionText={<RegionOption />}
        inputText={inputText}
        matchSuggestion={anySuggestion}
        filterToQuery={filterToQuery}
        noOptionsText={translate('ra.navigation.no_results', { name: translate('resources.regions.name') })}
        fullWidth={fullWidth}
        sx={{ minWidth: 240 }}
      />
    </ReferenceInput>
  );
}
