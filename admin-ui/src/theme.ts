/**
 * react-admin's default theme in the housing authority's blue, with a font stack that renders
 * Chinese well on Windows, macOS, Android and Linux (Noto CJK), and a sidebar wide enough for
 * Chinese menu labels.
 */
import { defaultTheme } from 'react-admin';
import type { RaThemeOptions } from 'react-admin';

const FONT_FAMILY = [
  '"PingFang SC"',
  '"Noto Sans CJK SC"',
  '"Noto Sans SC"',
  '"Source Han Sans SC"',
  '"Microsoft YaHei"',
  '"Helvetica Neue"',
  'Roboto',
  'Arial',
  'sans-serif',
].join(',');

export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    ...defaultTheme.palette,
    primary: { main: '#1565c0' },
    secondary: { light: '#5e92f3', main: '#1565c0', dark: '#003c8f', contrastText: '#fff' },
  },
  typography: { ...defaultTheme.typography, fontFamily: FONT_FAMILY },
  sidebar: { width: 220, closedWidth: 55 },
};
