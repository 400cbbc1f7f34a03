import type { Theme } from './useTheme';

const NEXT: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' };
const LABEL: Record<Theme, string> = { system: 'Theme: system', light: 'Theme: light', dark: 'Theme: dark' };
const ICON: Record<Theme, string> = { system: '◐', light: '☀', dark: '☾' };

/** Cycles system → light → dark. */
export function ThemeToggle({ theme, onChange }: { theme: Theme; onChange(t: Theme): void }) {
  return (
    <button type="button" className="button" onClick={() => onChange(NEXT[theme])} aria-label={`${LABEL[theme]} (change)`} title={LABEL[theme]}>
      <span aria-hidden="true">{ICON[theme]}</span>
    </button>
  );
}
