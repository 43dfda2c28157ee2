// @vitest-environment jsdom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { doctypeOf, serialiseInSteps, serialisePage, type SerialiseSteps } from '@/lib/serialise';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

function steps(over: Partial<SerialiseSteps> = {}) {
  let clock = 0;
  const durations: number[] = [];
  let yields = 0;
  const opts: SerialiseSteps = {
    now: () => (clock += 1), // every reading is 1 ms later
    yieldToPage: async () => {
      yields++;
    },
    cancelled: () => false,
    maxSubtreeElements: 1, // walk into almost everything
    budgetMs: 1, // with this clock: a step ends at its first clock check (every 16 nodes)
    maxLength: 5_000_000,
    onStep: (ms) => durations.push(ms),
    ...over,
  };
  return { opts, durations, yields: () => yields };
}

const tricky = `<!DOCTYPE html><html lang="en" data-x="a&amp;b &quot;q&quot;"><head><title>T &amp; t</title>
<style>p > a { color: red }</style><script>if (a < b && c > d) {}</script></head>
<body class="x"><!-- a comment --><div id="wrap">text &amp; &lt;tags&gt;&nbsp;here
<section><p>One <b>two</b> <img src="a.png" alt="x"> <br> three</p><template><p>t</p></template>
<textarea>&lt;raw&gt;</textarea><noscript><p>no</p></noscript>
<svg viewBox="0 0 10 10"><foreignObject><p>f</p></foreignObject><path d="M0 0"/></svg>
<math><mi>x</mi></math><pre>
 pre</pre><table><tr><td>c</td></tr></table><iframe srcdoc="<p>x</p>"></iframe></section>
${'<ul><li><a href="/a?x=1&amp;y=2">link</a></li><li>two</li></ul>'.repeat(5)}</div></body></html>`;

describe('serialiseInSteps', () => {
  it('produces exactly what outerHTML produces, in several steps', async () => {
    const doc = parse(tricky);
    const { opts, durations, yields } = steps();
    const out = await serialiseInSteps(doc, opts);
    expect(out).toEqual({ html: serialisePage(doc) });
    expect(durations.length).toBeGreaterThan(3);
    expect(yields()).toBe(durations.length - 1);
  });

  it('matches the one-call serialisation on random trees (fast-check)', async () => {
    const tag = fc.constantFrom('div', 'p', 'span', 'ul', 'li', 'section', 'b', 'a');
    const tree: fc.Arbitrary<string> = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.string({ maxLength: 8 }).map((t) => t.replace(/[<&]/g, '')),
        fc
          .tuple(tag, fc.string({ maxLength: 6 }), fc.array(tie('node'), { maxLength: 4 }))
          .map(([t, attr, kids]) => `<${t} title="${attr.replace(/["&]/g, '')}">${kids.join('')}</${t}>`),
      ),
    })).node;
    await fc.assert(
      fc.asyncProperty(fc.array(tree, { maxLength: 6 }), async (kids) => {
        const doc = parse(`<!DOCTYPE html><html><head></head><body>${kids.join('')}</body></html>`);
        const out = await serialiseInSteps(doc, steps().opts);
        expect(out).toEqual({ html: serialisePage(doc) });
      }),
      { numRuns: 200 },
    );
  });

  it('stops as too-large past maxLength, or when fits() says no', async () => {
    const doc = parse(tricky);
    expect(await serialiseInSteps(doc, steps({ maxLength: 100 }).opts)).toEqual({ stop: 'too-large' });
    expect(await serialiseInSteps(doc, steps({ fits: () => false }).opts)).toEqual({ stop: 'too-large' });
  });

  it('stops after a yield once cancelled', async () => {
    let cancel = false;
    const { opts } = steps({ yieldToPage: async () => void (cancel = true), cancelled: () => cancel });
    expect(await serialiseInSteps(parse(tricky), opts)).toEqual({ stop: 'cancelled' });
  });

  it('a small page is one step', async () => {
    const doc = parse('<html><body><p>x</p></body></html>');
    const { opts, durations } = steps({ budgetMs: 1_000 });
    expect(await serialiseInSteps(doc, opts)).toEqual({
      html: '<html><head></head><body><p>x</p></body></html>',
    });
    expect(durations).toHaveLength(1);
  });

  it('keeps public and system doctype ids, omits a missing doctype', () => {
    expect(
      doctypeOf(
        parse(
          '<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd"><html></html>',
        ),
      ),
    ).toBe('<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd">');
    expect(doctypeOf(parse('<!DOCTYPE html SYSTEM "about:legacy-compat"><html></html>'))).toBe(
      '<!DOCTYPE html SYSTEM "about:legacy-compat">',
    );
    expect(serialisePage(parse('<html><body></body></html>'))).toMatch(/^<html>/);
  });
});
