import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { getSettings, updateSettings } from '../../../src/platform/storage/settings';

describe('the settings', () => {
  it('keep every change made from different pages, even at once', async () => {
    await updateSettings({ theme: 'auto', playbackRate: 1 });
    await Promise.all([updateSettings({ theme: 'dark' }), updateSettings({ playbackRate: 1.5 })]);
    expect(await getSettings()).toMatchObject({ theme: 'dark', playbackRate: 1.5 });
  });
});
