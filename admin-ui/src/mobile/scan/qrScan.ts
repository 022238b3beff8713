/**
 * What a QR code read by the in-app scanner means: the code of a house, or nothing we know. A house
 * label encodes `<PUBLIC_BASE_URL>/m/b/<code>`; the host is not checked, because labels printed while
 * the platform had another address (a test server, a domain that changed) must still open the house
 * here. A bare code is accepted too, as some hand-made labels carry only that.
 */
import { normaliseBuildingCode } from '../../../../domain/buildings/code.ts';

/**
 * The shape of a code, not its check character: a label with a wrong check character is still a
 * house label (damaged or misprinted), and the house page says clearly what is wrong with it.
 */
const CODE_SHAPE = /^\d{17}[\dX]$/;

/** The path of a house page, possibly under a base path (`https://host/ydym/m/b/<code>`). */
const HOUSE_PATH = /\/m\/b\/([^/]+)\/?$/;

function asCode(candidate: string): string | null {
  const code = normaliseBuildingCode(candidate);
  return CODE_SHAPE.test(code) ? code : null;
}

function pathCode(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const match = HOUSE_PATH.exec(url.pathname);
  if (!match?.[1]) return null;
  try {
    return asCode(decodeURIComponent(match[1]));
  } catch {
    return null;
  }
}

/** The house code a scanned QR text stands for, or null when it is not a house label. */
export function houseCodeOf(text: string): string | null {
  const trimmed = text.trim();
  return asCode(trimmed) ?? pathCode(trimmed);
}
