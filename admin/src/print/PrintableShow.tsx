import PrintIcon from '@mui/icons-material/Print';
import GlobalStyles from '@mui/material/GlobalStyles';
import type { ReactElement, ReactNode } from 'react';
import { Button, Show } from 'react-admin';
import { NO_PRINT_CLASS, PRINT_PAGE_CLASS, PRINTABLE_CLASS } from './classes';

/**
 * On paper, only the document: the app bar, the menu, the page's toolbar and the notifications are
 * hidden, and so is everything on the page marked {@link NO_PRINT_CLASS}. (MUI's own class names,
 * since react-admin's `Ra…-root` ones exist only in development builds.)
 */
const printStyles = (
  <GlobalStyles
    styles={{
      '@media print': {
        '@page': { size: 'A4 portrait', margin: '12mm' },
        'html, body, #root .layout': { background: '#fff !important' },
        [`header.MuiAppBar-root, .MuiDrawer-root, .skip-nav-button, .MuiSnackbar-root, .${PRINT_PAGE_CLASS} > .MuiToolbar-root, .${NO_PRINT_CLASS}`]: {
          display: 'none !important',
        },
        '.RaLayout-appFrame': { marginTop: '0 !important' },
        '.RaLayout-contentWithSidebar, .RaLayout-content': { padding: '0 !important', margin: '0 !important', background: 'none !important' },
        [`.${PRINT_PAGE_CLASS} .MuiCard-root`]: { margin: '0 !important', boxShadow: 'none !important', transition: 'none !important', border: '0 !important' },
        [`.${PRINTABLE_CLASS}`]: { maxWidth: 'none !important', padding: '0 !important', breakInside: 'avoid' },
      },
    }}
  />
);

/** Prints the page, that is the document alone (see the print stylesheet of {@link PrintableShow}). */
export const PrintButton = ({ label }: { label: string }) => (
  <Button label={label} onClick={() => window.print()}>
    <PrintIcon />
  </Button>
);

/**
 * A show page whose record prints as a document ({@link AccountingDocument}), with the print
 * stylesheet: put the document first in `children`, and mark what is screen only with
 * {@link NO_PRINT_CLASS}.
 */
export const PrintableShow = ({ actions, className, children }: { actions: ReactElement; className?: string; children: ReactNode }) => (
  <Show actions={actions} className={className ? `${PRINT_PAGE_CLASS} ${className}` : PRINT_PAGE_CLASS}>
    {printStyles}
    {children}
  </Show>
);
