import { Badge, Text } from '@mantine/core';
import type { Timing } from '../../../../electron/core/domain/workflow';
import { TONE_COLOR, timingText } from './format';

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
  return (
    <Badge size={size} color={TONE_COLOR[t.tone]} variant={t.tone === 'late' ? 'filled' : 'light'} data-timing={t.tone}>
      {t.text}
    </Badge>
  );
}
