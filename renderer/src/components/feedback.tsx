import { notifications } from '@mantine/notifications';
import { IconCheck, IconX } from '@tabler/icons-react';
import type { Err, FieldIssue } from '../../../electron/core/result';

/** "Data tidak valid: …" from the core, as field errors keyed by dotted path. */
export function issuesToErrors(issues: FieldIssue[] | undefined, map: (path: string) => string | null = (p) => p): {
  errors: Record<string, string>;
  unplaced: string[];
} {
  const errors: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const issue of issues ?? []) {
    const path = issue.path ? map(issue.path) : null;
    if (path) errors[path] ??= issue.message;
    else unplaced.push(issue.message);
  }
  return { errors, unplaced };
}

let lastSaved: string | null = null;

/**
 * A save confirmed quietly: one small line that goes by itself, replacing the previous one
 * instead of stacking up beside the controls.
 */
export function notifySaved(message = 'Pengaturan disimpan') {
  if (lastSaved) notifications.hide(lastSaved);
  lastSaved = notifications.show({
    color: 'teal',
    icon: <IconCheck size={14} />,
    message,
    autoClose: 2000,
    withCloseButton: false,
    radius: 'sm',
    className: 'toast-quiet',
  });
}

export function notifyError(err: Pick<Err, 'message'>, title = 'Tidak tersimpan') {
  notifications.show({ color: 'red', icon: <IconX size={18} />, title, message: err.message, autoClose: 8000 });
}

/** After a failed submit, take the keyboard to the first field that needs fixing. */
export function focusFirstError(container: ParentNode | null = document) {
  window.setTimeout(() => {
    const el = container?.querySelector<HTMLElement>('[aria-invalid="true"]');
    el?.focus();
    el?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  }, 30);
}
