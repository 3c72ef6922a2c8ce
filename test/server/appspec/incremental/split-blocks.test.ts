import * as assert from 'node:assert/strict';
import { splitTopLevel, type TopLevelEntry } from '../../../../server/src/appspec/incremental/split-blocks';

/** The entries as text: each entry, or its header and items when it has them. */
function pieces(text: string, entries: TopLevelEntry[] | undefined): Array<string | { header: string; kind: string; items: string[] }> | undefined {
  return entries?.map((entry) =>
    entry.items
      ? { header: text.slice(entry.items.header.start, entry.items.header.end), kind: entry.items.kind, items: entry.items.list.map((span) => text.slice(span.start, span.end)) }
      : text.slice(entry.start, entry.end),
  );
}

describe('splitTopLevel', () => {
  it('splits an AppSpec into its top-level entries and the items of its lists and hook mapping', () => {
    const text = [
      '# deploys the web tier',
      'version: 0.0',
      'os: linux',
      'files:',
      '  - source: /build',
      '    destination: /srv/app',
      '  # the config',
      '  - source: app.conf',
      '    destination: /etc/app',
      'hooks:',
      '  BeforeInstall:',
      '    - location: scripts/stop.sh',
      '',
      '  AfterInstall:',
      '    - location: scripts/start.sh',
      '',
    ].join('\n');
    assert.deepEqual(pieces(text, splitTopLevel(text)), [
      '# deploys the web tier\nversion: 0.0\n',
      'os: linux\n',
      // Each item runs to the next item's first token, as the parser sees it in the whole text.
      {
        header: 'files:\n  ',
        kind: 'seq',
        items: ['  - source: /build\n    destination: /srv/app\n  # the config\n  ', '  - source: app.conf\n    destination: /etc/app\n'],
      },
      { header: 'hooks:\n  ', kind: 'map', items: ['  BeforeInstall:\n    - location: scripts/stop.sh\n\n  ', '  AfterInstall:\n    - location: scripts/start.sh\n'] },
    ]);
  });

  it('covers the whole text, CRLF, BOM and a missing last newline included, each piece ending where the next one\'s first token starts', () => {
    const text = '\uFEFF---\r\nversion: 0.0\r\nfiles:\r\n  - source: a\r\n    destination: /a\r\n  - source: b\r\n    destination: /b';
    const entries = splitTopLevel(text);
    assert.ok(entries);
    const spans = entries.flatMap((entry) => (entry.items ? [entry.items.header, ...entry.items.list] : [entry]));
    assert.equal(spans[0].start, 0);
    assert.equal(spans[spans.length - 1].end, text.length);
    for (let i = 1; i < spans.length; i++) {
      assert.ok(spans[i].start === 0 || text[spans[i].start - 1] === '\n', `piece ${i} starts a line`);
      assert.equal(spans[i - 1].end, spans[i].start + /^ */.exec(text.slice(spans[i].start))![0].length, `piece ${i - 1} ends at piece ${i}'s first token`);
    }
    assert.equal(splitTopLevel('files:\n- source: a\n  destination: /a\n- source: b\n')?.[0].items?.kind, 'seq', 'a list written at the key\'s own indentation is still split into items');
  });

  it('does not split a value that is one item, a flow collection, a scalar or mixed indentation', () => {
    const text = ['files:', '  - source: /', '    destination: /srv', 'hooks: {BeforeInstall: [{location: a.sh}]}', 'permissions:', '    - object: /a', '  - object: /b', 'os: linux', ''].join('\n');
    const entries = splitTopLevel(text);
    assert.ok(entries);
    assert.deepEqual(
      entries.map((entry) => entry.items === undefined),
      [true, true, true, true],
    );
  });

  for (const [what, text] of [
    ['a directive', '%YAML 1.1\n---\nversion: 0.0\n'],
    ['a second document', 'version: 0.0\n---\nversion: 0.0\n'],
    ['a document end marker', 'version: 0.0\n...\n'],
    ['a tab in indentation', 'hooks:\n\tBeforeInstall: []\n'],
    ['a quoted top-level key', 'version: 0.0\n"os": linux\n'],
    ['a complex key', '? version\n: 0.0\n'],
    ['a continuation of a flow collection at column 0', 'files: [\n{source: a}]\n'],
    ['a lone carriage return line break', 'version: 0.0\ros: linux\n'],
    ['no key at all', '- a\n- b\n'],
  ] as const) {
    it(`leaves a text with ${what} to the whole-text parse`, () => {
      assert.equal(splitTopLevel(text), undefined);
    });
  }
});
