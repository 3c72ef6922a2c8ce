import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CODES } from '../../../server/src/appspec/codes';
import { documentCodes } from '../../../server/src/appspec/codes/document';
import { ec2Codes } from '../../../server/src/appspec/codes/ec2';
import { ecsLambdaCodes } from '../../../server/src/appspec/codes/ecs-lambda';
import { revisionCodes } from '../../../server/src/appspec/codes/revision';
import { structureCodes } from '../../../server/src/appspec/codes/structure';
import { REPO_ROOT } from '../../support/repo-root';

/**
 * docs/rules.md is where every diagnostic's codeDescription link points (codeDocumentationUrl):
 * each code needs its own `### code` heading (GitHub turns it into the `#code` anchor), and every
 * such heading must be a code, so a renamed or removed code cannot leave a stale section behind.
 */

/** The `##` section of docs/rules.md that documents each code table, so a reader finds a code with its kin. */
const SECTIONS: ReadonlyArray<{ section: string; codes: Record<string, unknown> }> = [
  { section: 'The file as a whole', codes: documentCodes },
  { section: 'Structure (all platforms)', codes: structureCodes },
  { section: 'EC2/On-Premises', codes: ec2Codes },
  { section: 'Amazon ECS and AWS Lambda', codes: ecsLambdaCodes },
  { section: 'Revision checks', codes: revisionCodes },
];

interface Heading {
  code: string;
  line: number;
  /** The `##` section the heading sits in. */
  section: string;
  /** The section's text up to the next heading, without blank lines. */
  body: string[];
}

/** Level-3 headings outside fenced code blocks, with the text under each. */
function codeHeadings(markdown: string): Heading[] {
  const headings: Heading[] = [];
  let fenced = false;
  let section = '';
  for (const [index, line] of markdown.split(/\r?\n/).entries()) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const match = fenced ? null : /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (match) {
      if (match[1] === '##') section = match[2].trim();
      if (match[1] === '###') headings.push({ code: match[2].replace(/`/g, '').trim(), line: index + 1, section, body: [] });
      else if (headings.length) headings.push({ code: '', line: -1, section, body: [] }); // a higher heading ends the section
    } else if (line.trim() !== '' && headings.length) headings[headings.length - 1].body.push(line);
  }
  return headings.filter((heading) => heading.line > 0);
}

describe('docs/rules.md', () => {
  const headings = codeHeadings(fs.readFileSync(path.join(REPO_ROOT, 'docs', 'rules.md'), 'utf8'));
  const documented = new Set(headings.map((heading) => heading.code));
  const codes = Object.keys(CODES);

  it('has a `### code` heading for every diagnostic code', () => {
    const missing = codes.filter((code) => !documented.has(code));
    assert.deepEqual(missing, [], `${missing.length} of ${codes.length} codes have no \`### code\` heading in docs/rules.md:\n  ${missing.join('\n  ')}`);
  });

  it('has no `###` heading that is not a diagnostic code', () => {
    const strays = headings.filter((heading) => !(heading.code in CODES)).map((heading) => `line ${heading.line}: ### ${heading.code}`);
    assert.deepEqual(strays, [], `headings that name no code (renamed or removed codes?):\n  ${strays.join('\n  ')}`);
  });

  it('documents each code once, with text under its heading', () => {
    const seen = new Map<string, number>();
    const problems: string[] = [];
    for (const heading of headings) {
      const earlier = seen.get(heading.code);
      if (earlier !== undefined) problems.push(`line ${heading.line}: ${heading.code} is already documented on line ${earlier}`);
      seen.set(heading.code, heading.line);
      if (heading.body.length === 0) problems.push(`line ${heading.line}: ${heading.code} has an empty section`);
    }
    assert.deepEqual(problems, [], problems.join('\n'));
  });

  it('documents each code in the section of its area', () => {
    const misplaced: string[] = [];
    for (const { section, codes: areaCodes } of SECTIONS) {
      for (const heading of headings.filter((candidate) => candidate.code in areaCodes && candidate.section !== section)) {
        misplaced.push(`line ${heading.line}: ${heading.code} is under "## ${heading.section}", expected "## ${section}"`);
      }
    }
    assert.deepEqual(misplaced, [], misplaced.join('\n'));
  });

  it('has a section for every code table, and every code table is one of them', () => {
    assert.equal(SECTIONS.reduce((count, { codes: areaCodes }) => count + Object.keys(areaCodes).length, 0), codes.length);
  });
});
