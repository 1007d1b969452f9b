export { PrintPage } from './PrintPage';
export { PrintView } from './PrintView';
export { printSpec, regencyPrintSpec, sealCaption, PrintUnavailable } from './documents';
export { KIND_SLUGS, kindFromSlug, printPath, DOCUMENT_TITLES, type PrintInput, type PrintSpec, type PrintCycle, type DocumentKind, type RegencyDocumentKind, type RegencyPrintInput } from './model';
