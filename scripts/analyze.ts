/**
 * Analyzer CLI: runs the same lib/article pipeline as the extension, on saved pages, under jsdom
 * (scripts off, no resource loading). See `--help`.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { analyzeDocument } from '../lib/article/analyze-document';
import { outletData } from '../lib/outlets/dataset';
import {
  outletReportForPage,
  summarizeOutlet,
  withOutletReport,
  type OutletSummary,
} from '../lib/outlets/page';
import { createSanitizer } from '../lib/safe-html';
import type { PageReport } from '../lib/types';
import {
  analyzerPeople,
  analyzerSources,
  peopleOfText,
  shippedPeopleLookups,
  type AnalyzerPerson,
  type AnalyzerSource,
} from './analyze-people';

const USAGE = `Usage:
  npm run -s analyze -- FILE.html [--url URL]
      Print the PageReport of one saved page as pretty JSON.
      --url URL   the page's address (resolves relative links, URL date patterns, urlKey).
                  Default: https://example.invalid/<file name>
  npm run -s analyze -- --jsonl
      Read JSON lines on stdin, write one JSON line per input line:
        {"id", "html", "url"}  → analyse the page (url optional, default https://example.invalid/<id>)
        {"id", "text", "title"?, "lang"?, "publishedTime"?}
                               → text mode (isArticle null, text unchanged, people of the text)
      Output: {"id","isArticle","title","byline","publishedTime","siteName","canonicalUrl","lang",
               "text","outlet":{"id","name","domain","country","control",…}|null,"people",
               "sourcesCited"} plus "error" when a line could not be processed.
               people: [{"name","qid"?,"roleInText"?,"roleAtDate"?,
               "mentions":[{"start","end"}],"quotes":[{"text","start","end","cue"}]}], offsets
               into "text"; sourcesCited: [{"name","kind","outletQid"?,"start","end","count"}].
      Lines over 20 MB are skipped with an error. Exit code 0 even when lines fail.
  npm run -s analyze -- --urls [FILE]
      Read {"url"} JSON lines (stdin, or FILE), write {"url","outlet":{…}|null} per line from the
      outlet resolver alone (no page is fetched or read). Bad lines get "error"; the batch goes on.
  npm run -s analyze -- --import FILE
      Parse a reading-list import file (Pocket CSV/zip/HTML, Instapaper, Omnivore zip, bookmark
      HTML, Readwise CSV, Masthead JSON) and print {format, counts, errors, rows} as JSON.
  npm run -s analyze -- --help
Exit codes: 0 done, 1 file unreadable, 2 usage error.`;

const MAX_LINE_BYTES = 20 * 1024 * 1024;
const PLACEHOLDER_BASE = 'https://example.invalid/';

/** One output line of --jsonl mode. */
interface JsonlResult {
  id: unknown;
  isArticle: boolean | null;
  title: string | null;
  byline: string | null;
  publishedTime: string | null;
  siteName: string | null;
  canonicalUrl: string | null;
  lang: string | null;
  text: string | null;
  outlet: OutletSummary | null;
  people: AnalyzerPerson[];
  sourcesCited: AnalyzerSource[];
  error?: string;
}

let sanitizerWindow: JSDOM | undefined;
function sanitizer(): (html: string) => string {
  sanitizerWindow ??= new JSDOM('');
  return createSanitizer(sanitizerWindow.window as unknown as Window);
}
let sanitize: ((html: string) => string) | undefined;

function validUrl(url: unknown, fallbackName: string): string {
  if (typeof url === 'string') {
    try {
      const parsed = new URL(url);
      if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.href;
    } catch {
      // fall through to the placeholder
    }
  }
  return PLACEHOLDER_BASE + encodeURIComponent(fallbackName);
}

/** Parse and analyse one page; the jsdom window is closed afterwards to free memory. */
export function analyzeHtml(html: string, url: string): PageReport {
  // A silent virtual console: page CSS that jsdom cannot parse is not our error to report.
  const dom = new JSDOM(html, { url, contentType: 'text/html', virtualConsole: new VirtualConsole() });
  try {
    sanitize ??= sanitizer();
    return withOutletReport(
      analyzeDocument(dom.window.document, url, { sanitize, people: shippedPeopleLookups }),
      outletData(),
    );
  } finally {
    dom.window.close();
  }
}

function emptyResult(id: unknown, error?: string): JsonlResult {
  const result: JsonlResult = {
    id,
    isArticle: null,
    title: null,
    byline: null,
    publishedTime: null,
    siteName: null,
    canonicalUrl: null,
    lang: null,
    text: null,
    outlet: null,
    people: [],
    sourcesCited: [],
  };
  if (error !== undefined) result.error = error;
  return result;
}

function fromReport(id: unknown, report: PageReport): JsonlResult {
  const a = report.article;
  const m = report.metadata;
  return {
    ...emptyResult(id),
    isArticle: report.verdict.isArticle,
    title: a?.title ?? m?.title ?? null,
    byline: a?.byline ?? m?.byline ?? null,
    publishedTime: a?.publishedTime ?? m?.publishedTime ?? null,
    siteName: a?.siteName ?? m?.siteName ?? null,
    canonicalUrl: a?.canonicalUrl ?? m?.canonicalUrl ?? null,
    lang: a?.lang ?? m?.lang ?? null,
    text: report.text,
    outlet: report.outlet ? summarizeOutlet(report.outlet) : null,
    people: analyzerPeople(report.people),
    sourcesCited: analyzerSources(report.sourcesCited),
  };
}

function processRecord(record: unknown): JsonlResult {
  if (typeof record !== 'object' || record === null || Array.isArray(record))
    return emptyResult(null, 'line is not a JSON object');
  const { id, html, text, url } = record as Record<string, unknown>;
  const safeId = typeof id === 'string' || typeof id === 'number' ? id : null;
  if (typeof html === 'string') {
    const report = analyzeHtml(html, validUrl(url, String(safeId ?? 'page')));
    const result = fromReport(safeId, report);
    if (report.verdict.reason === 'error') result.error = 'analysis failed';
    return result;
  }
  if (html !== undefined) return emptyResult(safeId, '"html" must be a string');
  if (typeof text === 'string') {
    const opt = (v: unknown) => (typeof v === 'string' && v.length <= 10_000 ? v : undefined);
    const { title, lang, publishedTime } = record as Record<string, unknown>;
    const found = peopleOfText(text, {
      title: opt(title),
      lang: opt(lang),
      publishedTime: opt(publishedTime),
    });
    return { ...emptyResult(safeId), text, ...found };
  }
  return emptyResult(safeId, 'expected "html" (string) or "text" (string)');
}

/** The id of an oversized line, read from its first bytes when it comes first. */
function idFromPrefix(prefix: string): string | number | null {
  const m = /^\s*\{\s*"id"\s*:\s*("(?:[^"\\]|\\.){0,200}"|-?\d{1,20})/.exec(prefix);
  if (!m?.[1]) return null;
  try {
    return JSON.parse(m[1]) as string | number;
  } catch {
    return null;
  }
}

function processLine(line: string): JsonlResult {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return emptyResult(idFromPrefix(line.slice(0, 300)), 'invalid JSON');
  }
  try {
    return processRecord(record);
  } catch (e) {
    const id = (record as { id?: unknown } | null)?.id ?? null;
    return emptyResult(id, `analysis failed: ${(e as Error)?.message ?? String(e)}`.slice(0, 300));
  }
}

type Line = { text: string } | { overflow: string };

/**
 * Split a byte stream into lines without ever holding more than MAX_LINE_BYTES of one line:
 * an oversized line is reported (with its first bytes, for the id) and skipped to its newline.
 */
async function* readLines(stream: NodeJS.ReadableStream): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let overflow: string | null = null;
  for await (const chunk of stream) {
    let buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    let nl: number;
    while ((nl = buf.indexOf(10)) >= 0) {
      const head = buf.subarray(0, nl);
      if (overflow !== null) yield { overflow };
      else yield { text: Buffer.concat([...parts, head]).toString('utf8') };
      parts = [];
      size = 0;
      overflow = null;
      buf = buf.subarray(nl + 1);
    }
    if (overflow !== null || buf.length === 0) continue;
    if (size + buf.length > MAX_LINE_BYTES) {
      overflow = Buffer.concat([...parts, buf])
        .subarray(0, 300)
        .toString('utf8');
      parts = [];
      size = 0;
    } else {
      parts.push(buf);
      size += buf.length;
    }
  }
  if (overflow !== null) yield { overflow };
  else if (size > 0) yield { text: Buffer.concat(parts).toString('utf8') };
}

async function writeLine(result: unknown): Promise<void> {
  const out = JSON.stringify(result) + '\n';
  if (!process.stdout.write(out)) await new Promise((resolve) => process.stdout.once('drain', resolve));
}

async function runJsonl(): Promise<void> {
  for await (const line of readLines(process.stdin)) {
    let result: JsonlResult;
    if ('overflow' in line) result = emptyResult(idFromPrefix(line.overflow), 'input line larger than 20 MB');
    else if (line.text.trim() === '') continue;
    else result = processLine(line.text);
    await writeLine(result);
  }
}

/** One line of --urls mode: {"url"} → {"url","outlet"} (resolver only), or an error line. */
export function urlLine(line: string): { url: string | null; outlet: OutletSummary | null; error?: string } {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return { url: null, outlet: null, error: 'invalid JSON' };
  }
  const url = (record as { url?: unknown } | null)?.url;
  if (typeof url !== 'string') return { url: null, outlet: null, error: 'expected {"url": string}' };
  const o = outletReportForPage({ url }, outletData());
  return { url: url.length > 2_000 ? url.slice(0, 2_000) : url, outlet: o ? summarizeOutlet(o) : null };
}

async function runUrls(file: string | undefined): Promise<number> {
  let input: NodeJS.ReadableStream = process.stdin;
  if (file !== undefined) {
    try {
      input = createReadStream(file);
      await new Promise((resolve, reject) => input.once('readable', resolve).once('error', reject));
    } catch (e) {
      process.stderr.write(`analyze: cannot read ${file}: ${(e as Error).message}\n`);
      return 1;
    }
  }
  for await (const line of readLines(input)) {
    if ('overflow' in line)
      await writeLine({ url: null, outlet: null, error: 'input line larger than 20 MB' });
    else if (line.text.trim() !== '') await writeLine(urlLine(line.text));
  }
  return 0;
}

function runFile(file: string, url: string | undefined): number {
  let html: string;
  try {
    html = readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(`analyze: cannot read ${file}: ${(e as Error).message}\n`);
    return 1;
  }
  const report = analyzeHtml(html, validUrl(url, basename(file)));
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  return 0;
}

function usageError(message: string): number {
  process.stderr.write(`analyze: ${message}\n\n${USAGE}\n`);
  return 2;
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === '--import') return (await import('./analyze-import')).importMain(argv.slice(1));
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (argv[0] === '--urls') {
    if (argv.length > 2) return usageError('--urls takes at most one FILE');
    return runUrls(argv[1]);
  }
  if (argv.includes('--jsonl')) {
    if (argv.length !== 1) return usageError('--jsonl takes no other arguments');
    await runJsonl();
    return 0;
  }
  const urlIndex = argv.indexOf('--url');
  const url = urlIndex >= 0 ? argv[urlIndex + 1] : undefined;
  if (urlIndex >= 0 && (url === undefined || url.startsWith('--'))) return usageError('--url needs a value');
  if (url !== undefined && validUrl(url, '').startsWith(PLACEHOLDER_BASE))
    return usageError(`not an http(s) URL: ${url}`);
  const rest = urlIndex < 0 ? argv : argv.filter((_, i) => i !== urlIndex && i !== urlIndex + 1);
  if (rest.length !== 1 || rest[0]!.startsWith('-')) return usageError('expected exactly one FILE.html');
  return runFile(rest[0]!, url);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`analyze: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
