/**
 * A house's full address for documents: town, village and the registered address, without saying a
 * place twice. Registered addresses often begin with the town (凤城街道高基里 8 号) or name the
 * village by its short name (高基里 for 高基里社区居委会), so those parts are not put in front again.
 */

/** Committee suffixes of village names: the address names the place, not its committee. */
const COMMITTEE = /(社区居民委员会|村民委员会|社区居委会|居民委员会|村委会|居委会|社区|村)$/;

const stem = (name: string) => name.replace(COMMITTEE, '') || name;

export function houseAddress(townName: string | null, villageName: string | null, address: string | null): string {
  const text = (address ?? '').trim();
  const compact = text.replace(/\s+/g, '');
  const parts: string[] = [];
  if (townName && !compact.includes(townName)) parts.push(townName);
  if (villageName && !compact.includes(stem(villageName))) parts.push(villageName);
  if (text) parts.push(text);
  return parts.join(' ');
}
