export { AccountingDocument, DocumentStamp, StampLine } from './AccountingDocument';
export type { AccountingDocumentProps, DocumentRow, DocumentRows, DocumentSignature } from './AccountingDocument';
export { NO_PRINT_CLASS, PRINT_PAGE_CLASS, PRINTABLE_CLASS } from './classes';
export { PrintableShow, PrintButton } from './PrintableShow';
export { useFundAndUnit } from './useFundAndUnit';
