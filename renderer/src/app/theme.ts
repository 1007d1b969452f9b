import { createTheme, type MantineColorsTuple } from '@mantine/core';

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

export const theme = createTheme({
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
    Tooltip: { defaultProps: { openDelay: 300, withArrow: true } },
    Modal: { defaultProps: { centered: true, radius: 'sm' }, styles: { title: { fontWeight: 600 } } },
  },
});
