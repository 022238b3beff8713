/**
 * The last tracking number this phone filed or looked up, so the progress lookup is filled in next
 * time. Never the secret: whoever holds the phone should still need it.
 */
const KEY = 'ydym-complaint-tracking-no';

export function rememberTrackingNo(trackingNo: string): void {
  try {
    localStorage.setItem(KEY, trackingNo);
  } catch {
    // Storage can be full or refused (private browsing); the lookup still works by typing.
  }
}

export function lastTrackingNo(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}
