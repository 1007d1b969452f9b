import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { useUnsavedGuard } from '../../../renderer/src/components/useUnsavedGuard';

function Form({ dirty }: { dirty: boolean }) {
  useUnsavedGuard(dirty);
  return <p>form</p>;
}

const tryToLeave = () => {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
};

describe('unsaved edits guard', () => {
  it('holds a close or reload only while something is unsaved', () => {
    const view = render(<Form dirty={false} />);
    expect(tryToLeave()).toBe(false);
    view.rerender(<Form dirty />);
    expect(tryToLeave()).toBe(true);
    view.rerender(<Form dirty={false} />);
    expect(tryToLeave()).toBe(false);
    view.rerender(<Form dirty />);
    view.unmount();
    expect(tryToLeave()).toBe(false);
  });
});
