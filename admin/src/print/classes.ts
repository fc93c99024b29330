/** What the screen shows but paper does not. */
export const NO_PRINT_CLASS = 'soquy-no-print';

/** A show page with a printable document: the print stylesheet hides its toolbar and card. */
export const PRINT_PAGE_CLASS = 'soquy-print-page';

/** A printable document (AccountingDocument): what the print stylesheet keeps on paper. */
export const PRINTABLE_CLASS = 'soquy-printable';
