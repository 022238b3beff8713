/** A box to type a house code by hand, for when a label is damaged or a scan went wrong. */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { normaliseBuildingCode } from '../../../../domain/buildings/code.ts';
import { TEXT } from './text.ts';

export function CodeLookup() {
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = normaliseBuildingCode(value).replace(/\s+/g, '');
    if (code) navigate(`/m/b/${encodeURIComponent(code)}`);
  };
  return (
    <form className="scan-lookup" onSubmit={submit} role="search">
      <input
        aria-label={TEXT.lookupLabel}
        placeholder={TEXT.lookupPlaceholder}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        inputMode="text"
        autoCapitalize="characters"
        autoComplete="off"
        spellCheck={false}
        maxLength={24}
      />
      <button type="submit" className="scan-button">
        {TEXT.lookupSubmit}
      </button>
    </form>
  );
}
