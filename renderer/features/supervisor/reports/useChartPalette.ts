import { useMemo } from 'react';
import type { Channel } from '../../../../shared/schemas/common';
import { useTheme } from '../../../lib/useTheme';

const TOKENS = ['text', 'text-2', 'text-3', 'border', 'border-strong', 'surface', 'surface-2', 'primary', 'success', 'warning', 'danger', 'violet', 'info', 'neutral'] as const;
type Token = (typeof TOKENS)[number];
export type ChartPalette = Record<Token, string> & { channel: Record<Channel, string> };

/**
 * The design tokens resolved to colours for the charts' SVG (recharts draws with attributes and
 * also needs concrete colours for its legends and tooltips), re-read when the theme changes.
 */
export function useChartPalette(): ChartPalette {
  const [theme] = useTheme();
  return useMemo(() => {
    const style = getComputedStyle(document.documentElement);
    const colors = Object.fromEntries(TOKENS.map((t) => [t, style.getPropertyValue(`--${t}`).trim() || '#888'])) as Record<Token, string>;
    return {
      ...colors,
      channel: { phone: colors.primary, email: colors.violet, chat: colors.warning, whatsapp: colors.success, social: colors.danger, web: colors.neutral },
    };
    // `theme` is not read, but it decides the values of the variables read above.
  }, [theme]);
}
