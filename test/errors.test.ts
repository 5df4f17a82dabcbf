import { afterEach, describe, expect, it, vi } from 'vitest';
import { recover, reportError } from '../src/errors';

describe('the one place caught errors go', () => {
  afterEach(() => vi.restoreAllMocks());

  it('warns with what was being done, and goes on with the fallback', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const failure = new Error('quota');
    expect(recover('saving the note', 'kept')(failure)).toBe('kept');
    expect(warn).toHaveBeenCalledWith('LCC Companion: saving the note failed:', failure);
  });

  it('stays silent for a message that no context receives', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    reportError('asking a tab', new Error('Could not establish connection. Receiving end does not exist.'));
    expect(warn).not.toHaveBeenCalled();
  });
});
