import { safeNextPath } from './safe-next';

describe('safeNextPath', () => {
  it('keeps paths of the back office', () => {
    expect(safeNextPath('/staff/cases/42?tab=history')).toBe('/staff/cases/42?tab=history');
    expect(safeNextPath('/staff')).toBe('/staff');
  });

  it('refuses other sites, other parts of the site and the sign-in pages', () => {
    for (const bad of [
      'https://evil.example/staff',
      '//evil.example/staff',
      '/staff//evil.example',
      '/staff\\evil',
      '/report',
      '/staffing',
      '/staff/login/totp',
      '/staff/logout',
      undefined,
      42,
    ]) {
      expect(safeNextPath(bad)).toBeUndefined();
    }
  });
});
