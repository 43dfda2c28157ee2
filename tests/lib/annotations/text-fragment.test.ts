import { describe, expect, it } from 'vitest';
import { encodeTerm, textFragmentLink } from '../../../lib/annotations/text-fragment';

describe('textFragmentLink', () => {
  it('percent-encodes the directive syntax characters - & , and spaces', () => {
    expect(encodeTerm('a-b & c, d')).toBe('a%2Db%20%26%20c%2C%20d');
    const link = textFragmentLink('https://example.com/a?x=1#top', {
      exact: 'well-known, tried & tested',
      prefix: '',
      suffix: '',
    });
    expect(link).toBe('https://example.com/a?x=1#:~:text=well%2Dknown%2C%20tried%20%26%20tested');
  });

  it('adds whole words of context as prefix- and -suffix', () => {
    const link = textFragmentLink('https://example.com/a', {
      exact: 'the harbour master',
      prefix: 'ely through the winter storms," ',
      suffix: ', Ines Varga, told reporters at a',
    });
    // "ely" is a cut word: dropped; the last three whole words are kept
    expect(link).toBe(
      'https://example.com/a#:~:text=the%20winter%20storms%2C%22-,the%20harbour%20master,-%2C%20Ines%20Varga%2C',
    );
  });

  it('links a long or multi-paragraph quote as textStart,textEnd', () => {
    const exact =
      'The pier, built in 1931, carries about four thousand passengers a week.\n\nEngineers found corrosion in the steel piles during a routine inspection';
    const link = textFragmentLink('https://example.com/p', { exact, prefix: '', suffix: '' });
    expect(link).toBe(
      'https://example.com/p#:~:text=The%20pier%2C%20built%20in,during%20a%20routine%20inspection',
    );
  });

  it('returns the bare URL for an empty quote', () => {
    expect(textFragmentLink('https://example.com/p#x', { exact: '  ', prefix: '', suffix: '' })).toBe(
      'https://example.com/p',
    );
  });
});
