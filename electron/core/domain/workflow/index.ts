/**
 * The SOP "Pendokumentasian Informasi Publik" as data and pure functions: the step table
 * (sop), the acts a cycle's log holds (events), the state folded from them (fold), what a
 * role may do now (decide), and time standards (timing).
 */
export * from './sop';
export * from './events';
export { notaDinasDraftSchema } from './nota-dinas';
export * from './fold';
export * from './decide';
export * from './review';
export * from './timing';
export * from './act-schema';
export * from './dag';
export * from './dag-fold';
export * from './conflicts';
export * from './check-act';
export * from './integrate';
