/**
 * Installed as a user installs a CLI: `npm pack`, then the tarball into an
 * empty folder outside the repository with no network (`npm ci --offline`,
 * from the npm cache that installing this repository filled), and
 * `exchange build` and `exchange check` run there.
 *
 * Slow (an npm install): its own timeout; `npm run test:install` runs it alone.
 * The versions are the repository's lockfile's: the install folder gets a
 * lockfile made from it, so npm needs no registry metadata, only the cached
 * tarballs. Any download (a browser, a package) would go to a dead proxy and
 * fail the install.
 */
import {execFileSync, spawnSync, type SpawnSyncReturns} from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'

const repo = path.resolve(import.meta.dirname, '../..')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

interface LockEntry {
  version: string
  dev?: boolean
  resolved?: string
  [key: string]: unknown
}

/** package.json and package-lock.json for a folder that depends on the tarball alone, pinned to the repository's lockfile. */
function installFolder(dest: string, tarball: string): void {
  const lock = JSON.parse(fs.readFileSync(path.join(repo, 'package-lock.json'), 'utf8')) as {packages: Record<string, LockEntry>}
  const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as {name: string; version: string; license: string; dependencies: Record<string, string>; bin: Record<string, string>; engines: Record<string, string>}
  const spec = `file:${path.relative(dest, tarball)}`
  const integrity = `sha512-${crypto.createHash('sha512').update(fs.readFileSync(tarball)).digest('base64')}`
  const packages: Record<string, unknown> = {
    '': {name: 'try-exchange', dependencies: {[pkg.name]: spec}},
    [`node_modules/${pkg.name}`]: {version: pkg.version, resolved: spec, integrity, license: pkg.license, dependencies: pkg.dependencies, bin: pkg.bin, engines: pkg.engines},
  }
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (!key || entry.dev) continue
    const name = key.split('node_modules/').pop() ?? key
    // With the tarball's address written in, npm fetches no package metadata: the cached tarball is found by its integrity.
    packages[key] = {resolved: `https://registry.npmjs.org/${name}/-/${name.split('/').pop()}-${entry.version}.tgz`, ...entry}
  }
  fs.writeFileSync(path.join(dest, 'package.json'), `${JSON.stringify({name: 'try-exchange', private: true, dependencies: {[pkg.name]: spec}}, null, 2)}\n`)
  fs.writeFileSync(path.join(dest, 'package-lock.json'), `${JSON.stringify({name: 'try-exchange', lockfileVersion: 3, requires: true, packages}, null, 2)}\n`)
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, input?: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, {cwd, env, encoding: 'utf8', input, timeout: 240_000})
}

const notes = '---\ntitle: Trying it out\nattendees: [Jane Smith]\n---\n\n## Barriers\n\n- Jane said consultation is broken #challenge\n- Funding arrives too late to plan with #challenge\n'

describe('installed from the packed tarball, offline, outside the repository', () => {
  it('installs with no network and no browser download, and `exchange build` and `exchange check` run', {timeout: 420_000}, () => {
    expect(fs.existsSync(path.join(repo, 'dist/exchange.cjs')), 'run `npm run build` first (npm test does)').toBe(true)
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'exchange-install-'))
    try {
      const cache = execFileSync(npm, ['config', 'get', 'cache'], {encoding: 'utf8'}).trim()
      const packed = run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', root], repo, process.env)
      expect(packed.status, packed.stderr).toBe(0)
      const [{filename, files}] = JSON.parse(packed.stdout) as [{filename: string; files: Array<{path: string}>}]
      const shipped = files.map((file) => file.path)
      // What a user gets: the command, the compiled code and the templates; no tests, sources or repository settings.
      expect(shipped).toContain('bin/exchange.js')
      expect(shipped).toContain('dist/exchange.cjs')
      expect(shipped).toContain('templates/default/style.css')
      expect(shipped.filter((file) => /^(?:tests|src|bench|\.ci)\//.test(file))).toEqual([])

      const project = path.join(root, 'project')
      const home = path.join(root, 'home')
      fs.mkdirSync(project)
      fs.mkdirSync(home)
      installFolder(project, path.join(root, filename))
      // No network: any request goes to a closed port. A fresh HOME shows whether anything lands in ~/.cache/puppeteer.
      const dead = 'http://127.0.0.1:9'
      const env: NodeJS.ProcessEnv = {...process.env, HOME: home, XDG_CACHE_HOME: path.join(home, '.cache'), HTTP_PROXY: dead, HTTPS_PROXY: dead, http_proxy: dead, https_proxy: dead, npm_config_cache: cache, npm_config_update_notifier: 'false'}
      for (const name of Object.keys(env)) if (name.startsWith('EXCHANGE_') || name.startsWith('PUPPETEER_SKIP')) delete env[name]
      const installed = run(npm, ['ci', '--offline', '--no-audit', '--no-fund'], project, env)
      expect(installed.status, `${installed.stdout}\n${installed.stderr}`).toBe(0)
      expect(fs.existsSync(path.join(home, '.cache/puppeteer'))).toBe(false)
      expect(fs.existsSync(path.join(project, 'node_modules/puppeteer'))).toBe(false)

      const exchange = path.join(project, 'node_modules/.bin/exchange')
      fs.writeFileSync(path.join(project, 'notes.md'), notes)
      const version = run(exchange, ['-V'], project, env)
      expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)

      const built = run(exchange, ['build', 'notes.md'], project, env)
      expect(built.status, built.stderr).toBe(0)
      expect(built.stdout).toContain('notes.md → out/notes.html, out/notes.pdf')
      expect(fs.readFileSync(path.join(project, 'out/notes.pdf')).subarray(0, 5).toString()).toBe('%PDF-')
      expect(fs.readFileSync(path.join(project, 'out/notes.html'), 'utf8')).not.toContain('Jane')

      const checked = run(exchange, ['check', 'notes.md'], project, env)
      expect(checked.status, checked.stderr).toBe(0)
      expect(checked.stdout).toBe('notes.md: ok (1 redaction)\n')

      // `npx exchange` in the project runs the local install, offline.
      const npx = run(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['--offline', 'exchange', '--version'], project, env)
      expect(npx.stdout.trim(), npx.stderr).toBe(version.stdout.trim())
    } finally {
      fs.rmSync(root, {recursive: true, force: true})
    }
  })
})
