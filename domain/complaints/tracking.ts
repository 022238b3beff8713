/**
 * Tracking numbers (投诉编号): `TS` + the filing date (Asia/Shanghai) + 8 random characters from the
 * secret's alphabet (no 0/O, 1/I), e.g. `TS20261206K7QM3XP2`: 40 random bits a day, so a number cannot
 * be guessed from its neighbours, and still short enough to read off a phone and type back. Numbers
 * issued before (`TS` + date + a 6-digit sequence) stay valid everywhere. No Node import: the mobile
 * pages check the shape with the same pattern.
 */
export const TRACKING_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** Either form, upper case (callers upper-case what a citizen typed). */
export const TRACKING_NO_PATTERN = '^TS\\d{8}(?:\\d{6}|[A-HJ-NP-Z2-9]{8})$';
export const TRACKING_NO = new RegExp(TRACKING_NO_PATTERN);
/** The same in either case, for query parameters (the store upper-cases them). */
export const TRACKING_NO_PATTERN_ANY_CASE = '^[Tt][Ss]\\d{8}(?:\\d{6}|[A-HJ-NP-Za-hj-np-z2-9]{8})$';

export const isTrackingNo = (text: string) => TRACKING_NO.test(text);
