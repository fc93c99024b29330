import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import { AppBar } from './AppBar';
import { Menu } from './Menu';
import { useDocumentLanguage } from './useDocumentLanguage';

export const Layout = ({ children }: { children: ReactNode }) => {
  useDocumentLanguage();
  return <RaLayout appBar={AppBar} menu={Menu}>{children}</RaLayout>;
};
