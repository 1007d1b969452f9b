import { Badge, Text, Tooltip } from '@mantine/core';
import type { Timing } from '../../../../electron/core/domain/workflow';
import { describeOfficeHours, formatHariTanggalJam, zoneAbbr } from '../../../../electron/core/domain/calendar';
import { officeCalendar } from '../../i18n/office-clock';
import { TONE_COLOR, timingText } from './format';

/** What the figure counts, said where the figure is: office minutes, not clock minutes. */
export function timingExplanation(timing: Timing): string {
  const cal = officeCalendar();
  const base = `Dihitung dalam jam kerja: ${describeOfficeHours(cal)}.`;
  if (!timing.dueAt) return base;
  return `${base} Batas waktu langkah ini: ${formatHariTanggalJam(timing.dueAt, cal.timeZone)} ${zoneAbbr(cal.timeZone)}.`;
}

/** Time left / how late, coloured so a late step stands out in a list. */
export function TimingBadge({ timing, size = 'sm' }: { timing: Timing; size?: 'xs' | 'sm' | 'md' }) {
  const t = timingText(timing);
  if (t.tone === 'none') {
    return (
      <Text size="xs" c="dimmed" span>
        {t.text}
      </Text>
    );
  }
  const explanation = timingExplanation(timing);
  return (
    <Tooltip label={explanation} multiline w={300} withArrow openDelay={300}>
      <Badge
        size={size}
        color={TONE_COLOR[t.tone]}
        variant={t.tone === 'late' ? 'filled' : 'light'}
        data-timing={t.tone}
      >
        {t.text}
      </Badge>
    </Tooltip>
  );
}
