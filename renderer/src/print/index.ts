export { PrintPage } from './PrintPage';
export { RegencyPrintPage } from './RegencyPrintPage';
export { PrintView } from './PrintView';
export { printSpec, regencyPrintSpec, sealCaption, PrintUnavailable } from './documents';
export { KIND_SLUGS, kindFromSlug, printPath, DOCUMENT_TITLES, REGENCY_KIND_SLUGS, regencyKindFromSlug, regencyPrintPath, REGENCY_DOCUMENT_TITLES, type PrintInput, type PrintSpec, type PrintCycle, type DocumentKind, type RegencyDocumentKind, type RegencyPrintInput } from './model';
