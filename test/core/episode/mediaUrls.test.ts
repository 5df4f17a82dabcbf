/** Which audio addresses the player may ask for (issue 24, 2). */
import { describe, expect, it } from 'vitest';
import { playableAudioUrl } from '../../../src/core/episode/mediaUrls';

describe('playableAudioUrl', () => {
  it('gives the https form of an address on the show’s audio host, path and query kept', () => {
    expect(playableAudioUrl('http://traffic.libsyn.com/lescastcodeurs/LesCastCodeurs-Episode-1.mp3')).toBe(
      'https://traffic.libsyn.com/lescastcodeurs/LesCastCodeurs-Episode-1.mp3',
    );
    expect(playableAudioUrl('https://traffic.libsyn.com/secure/lescastcodeurs/LesCastCodeurs-Episode-262.mp3?dest-id=7')).toBe(
      'https://traffic.libsyn.com/secure/lescastcodeurs/LesCastCodeurs-Episode-262.mp3?dest-id=7',
    );
  });

  it.each([
    'http://192.168.1.1/cgi-bin/LesCastCodeurs-Episode-997.mp3',
    'https://cdn.example.org/LesCastCodeurs-Episode-262.mp3',
    'https://traffic.libsyn.com.evil.example/LesCastCodeurs-Episode-262.mp3',
    'https://traffic.libsyn.com:8443/LesCastCodeurs-Episode-262.mp3',
    'https://user:secret@traffic.libsyn.com/LesCastCodeurs-Episode-262.mp3',
    'ftp://traffic.libsyn.com/LesCastCodeurs-Episode-262.mp3',
    'javascript:alert(1)',
    'not an address',
  ])('refuses %s', (address) => {
    expect(playableAudioUrl(address)).toBeNull();
  });
});
