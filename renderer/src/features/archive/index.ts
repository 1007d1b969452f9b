export { ArchivePage } from './ArchivePage';
export { ScanDialog } from './ScanDialog';
export { filterArchive, type ArchiveFilter } from './filter';
