/**
 * Where to go after signing in: only a path of the back office itself, so a crafted link
 * cannot send a freshly signed-in user to another site (open redirect).
 */
export function safeNextPath(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw.length > 500) return undefined;
  if (!/^\/staff(\/|\?|$)/.test(raw)) return undefined;
  if (raw.startsWith('/staff/login') || raw.startsWith('/staff/logout')) return undefined;
  // Backslashes, spaces and control characters could be read as another host by some browsers.
  const unsafe = [...raw].some((c) => c === '\\' || c.charCodeAt(0) <= 0x20 || c === '\u007f');
  if (unsafe || raw.includes('//')) return undefined;
  return raw;
}
