import { createTheme, defaultVariantColorsResolver, parseThemeColor, type MantineColorsTuple, type VariantColorsResolver } from '@mantine/core';

/** A deep government blue: reads as "official" and keeps contrast on grey office monitors. */
const dinas: MantineColorsTuple = [
  '#eaf1fb',
  '#d3e0f2',
  '#a6bfe3',
  '#769cd4',
  '#4f7fc7',
  '#386dbf',
  '#2b62b9',
  '#1e52a3',
  '#164892',
  '#053d81',
];

/** Text for light badges and alerts where even shade 9 is under 4.5:1 on the tinted ground. */
const DARK_TEXT: Record<string, string> = {
  orange: '#a63a0a',
  yellow: '#6e4a00',
  teal: '#06604a',
  green: '#1f6b30',
  lime: '#456b0a',
  cyan: '#0b5d6b',
};

/**
 * WCAG AA for every variant. Light, outline and subtle print their text in shade 6 on a
 * shade-1 tint by default (orange: 3.6:1); here the tint is shade 0 and the text dark. A filled
 * red takes shade 9 so that its white text reads (shade 6: 3.3:1).
 */
const readableVariants: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || parsed.color === 'dark' || parsed.color === 'white' || parsed.color === 'black') return colors;
  const c = parsed.color;
  if (input.variant === 'filled' && c === 'red' && parsed.shade === undefined) {
    return { ...colors, background: 'var(--mantine-color-red-9)', hover: 'var(--mantine-color-red-9)', color: 'var(--mantine-color-white)' };
  }
  if (input.variant !== 'light' && input.variant !== 'outline' && input.variant !== 'subtle') return colors;
  const text = DARK_TEXT[c] ?? `var(--mantine-color-${c}-9)`;
  return {
    ...colors,
    color: text,
    ...(input.variant === 'light' ? { background: `var(--mantine-color-${c}-0)` } : {}),
    ...(input.variant === 'outline' ? { border: `1px solid ${text}` } : {}),
  };
};

export const theme = createTheme({
  // White or black text on filled colours, whichever reads (WCAG AA): orange and teal get black.
  autoContrast: true,
  luminanceThreshold: 0.2,
  variantColorResolver: readableVariants,
  primaryColor: 'dinas',
  primaryShade: 7,
  colors: { dinas },
  // System fonts only: the CSP allows no remote fonts, and offices rarely install extra ones.
  fontFamily: "'Segoe UI', system-ui, -apple-system, 'Noto Sans', 'Liberation Sans', Arial, sans-serif",
  headings: {
    fontFamily: "'Segoe UI', system-ui, -apple-system, 'Noto Sans', 'Liberation Sans', Arial, sans-serif",
    fontWeight: '600',
  },
  defaultRadius: 'sm',
  cursorType: 'pointer',
  focusRing: 'auto',
  components: {
    TextInput: { defaultProps: { size: 'sm' } },
    PasswordInput: { defaultProps: { size: 'sm' } },
    Select: { defaultProps: { size: 'sm', allowDeselect: false, checkIconPosition: 'right' } },
    NumberInput: { defaultProps: { size: 'sm' } },
    Textarea: { defaultProps: { size: 'sm' } },
    Button: { defaultProps: { size: 'sm' } },
    Table: { defaultProps: { fz: 'sm', verticalSpacing: 6, horizontalSpacing: 'sm' } },
    Card: { defaultProps: { withBorder: true, radius: 'sm', padding: 'md' } },
    Paper: { defaultProps: { radius: 'sm' } },
    // Sentence case reads better than capitals for Indonesian labels ("PPID Pembantu", "Aktif").
    Badge: { styles: { root: { textTransform: 'none', flexShrink: 0 }, label: { overflow: 'visible' } } },
    // Mantine leaves the notification's close button without a name.
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Tutup pemberitahuan' } } },
    Tooltip: { defaultProps: { openDelay: 300, withArrow: true } },
    // Every dialog's × says what it does to a screen reader; not plain "Tutup", which many dialogs have as a button of their own.
    Modal: { defaultProps: { centered: true, radius: 'sm', closeButtonProps: { 'aria-label': 'Tutup dialog' } }, styles: { title: { fontWeight: 600 } } },
  },
});
