import { Badge, Tooltip } from '@mantine/core';
import {
  INTAKE_STATUS_LABELS,
  OPD_STANDING_LABELS,
  type IntakeResult,
  type IntakeStatus,
  type OpdStanding,
} from '../../../../electron/core/domain/regency/model';

export const STANDING_COLORS: Record<OpdStanding, string> = { belum_kirim: 'gray', proses: 'blue', ditandatangani: 'teal' };

export function StandingBadge({ standing }: { standing: OpdStanding }) {
  return (
    <Badge size="sm" variant="light" color={STANDING_COLORS[standing]} data-standing={standing}>
      {OPD_STANDING_LABELS[standing]}
    </Badge>
  );
}

export function LateBadge({ lateness }: { lateness: string }) {
  return (
    <Tooltip label={lateness || 'Terlambat dari standar waktu SOP'} withArrow>
      <Badge size="sm" variant="filled" color="red">
        Terlambat
      </Badge>
    </Tooltip>
  );
}

export const INTAKE_STATUS_COLORS: Record<IntakeStatus, string> = { siap: 'teal', sama: 'gray', menunggu_kepercayaan: 'orange', ditolak: 'red' };

export function IntakeStatusBadge({ status }: { status: IntakeStatus }) {
  return (
    <Badge size="sm" variant="light" color={INTAKE_STATUS_COLORS[status]} data-status={status}>
      {INTAKE_STATUS_LABELS[status]}
    </Badge>
  );
}

/** What happened to a file in the end (after "Terapkan"), as the final summary says it. */
export const INTAKE_RESULT_LABELS: Record<IntakeResult, string> = {
  diterapkan: 'Diterapkan',
  sama: 'Sudah diterima',
  menunggu_kepercayaan: 'Menunggu kepercayaan',
  ditolak: 'Ditolak',
};
export const INTAKE_RESULT_COLORS: Record<IntakeResult, string> = { diterapkan: 'teal', sama: 'gray', menunggu_kepercayaan: 'orange', ditolak: 'red' };

export function IntakeResultBadge({ result }: { result: IntakeResult }) {
  return (
    <Badge size="sm" variant="light" color={INTAKE_RESULT_COLORS[result]} data-result={result}>
      {INTAKE_RESULT_LABELS[result]}
    </Badge>
  );
}
