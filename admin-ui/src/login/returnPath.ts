/**
 * Where the sign-in page sends the user afterwards when a page asked for it with `?next=` (the scan
 * page's 工作人员登录 returns to the same house). Only a path of this site is followed: anything that
 * could leave it (`https://…`, `//host`, `/\host`, `javascript:`) or loop back to the sign-in page is
 * refused, so the parameter cannot be used to send a signed-in user to another site.
 */
export const RETURN_PARAM = 'next';

export function safeReturnPath(value: string | null | undefined, origin: string): string | null {
  if (!value || value.length > 2000) return null;
  // Only an absolute path; a second slash or a backslash would make it a host to browsers.
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  // Control characters (a tab or newline inside `/\t/host`) are dropped by URL parsers: refuse them.
  if ([...value].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) return null;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return null;
  }
  if (url.origin !== new URL(origin).origin) return null;
  if (url.pathname === '/login' || url.pathname.startsWith('/login/')) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page's address that comes back to `path` (a path of this site) afterwards. */
export const signInReturningTo = (path: string) => `/login?${RETURN_PARAM}=${encodeURIComponent(path)}`;
