// The previous release of Masthead, built from git history for the upgrade e2e (T4, R12):
// `git archive <commit>` (read-only: no worktree, no checkout) into .cache/releases/<commit>/src,
// `WXT_E2E=1 wxt build` there against this checkout's node_modules, cached in
// .cache/releases/<commit>/chrome-mv3 (gitignored) so later runs take no build time.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, rmSync, renameSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './harness.mjs';

/** 0.1.0 — Dexie schema v1 (the `pages` table only). */
export const PREVIOUS_RELEASE = { commit: 'ac18d15', version: '0.1.0', schema: 1 };

const git = (...args) =>
  spawnSync('git', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/**
 * Why the previous release cannot be built here (null when it can): no git, or a shallow clone
 * without that commit. Never a reason to skip silently — callers print it as a TAP skip.
 */
export function unavailableReason(commit = PREVIOUS_RELEASE.commit) {
  const found = git('cat-file', '-e', `${commit}^{commit}`);
  if (found.error) return `git is not available (${found.error.message})`;
  if (found.status === 0) return null;
  const shallow = git('rev-parse', '--is-shallow-repository').stdout.trim() === 'true';
  return shallow
    ? `git history unavailable: shallow clone without commit ${commit} (git fetch --unshallow)`
    : `commit ${commit} is not in this repository's history`;
}

/**
 * Path of the previous release's e2e Chrome build, building it once if needed (~10-30 s).
 * @returns {string} directory holding manifest.json
 */
export function previousReleaseBuild(commit = PREVIOUS_RELEASE.commit) {
  const base = path.join(repoRoot, '.cache', 'releases', commit);
  const out = path.join(base, 'chrome-mv3');
  if (existsSync(path.join(out, 'manifest.json'))) return out;
  const src = path.join(base, 'src');
  rmSync(src, { recursive: true, force: true });
  mkdirSync(src, { recursive: true });
  const tar = execFileSync('git', ['archive', '--format=tar', commit], { cwd: repoRoot, maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', src], { input: tar });
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(src, 'node_modules'), 'dir');
  execFileSync('npx', ['wxt', 'build'], {
    cwd: src,
    env: { ...process.env, WXT_E2E: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  renameSync(path.join(src, '.output-e2e', 'chrome-mv3'), out);
  rmSync(src, { recursive: true, force: true });
  return out;
}
