/**
 * Project settings: `exchange.yaml` (written by `exchange init`) and
 * `EXCHANGE_*` environment variables, under the flags.
 *
 * Precedence, highest first: flags > environment > `--config FILE` (or
 * `EXCHANGE_CONFIG`), else the nearest `exchange.yaml` in the current folder
 * or one above it > defaults. `build` and `check` read the same settings
 * (`resolveSettings`), so they give the same verdict. The keys mirror the
 * build flags:
 *
 * ```yaml
 * out: reports                 # -o, --out
 * format: [html, pdf]          # -f, --format (a list, or `html,pdf`)
 * brand: brand/                # --brand
 * theme: theme/                # --theme
 * profile: insights-report     # --profile (a shipped name or a YAML file)
 * attendees: sign-in.csv       # --attendees
 * concurrency: 4               # --concurrency
 * timeout: 60                  # --timeout, in seconds
 * strict: true                 # --strict
 * ```
 *
 * Paths in `exchange.yaml` are relative to the folder it is in; paths in the
 * environment, like flags, to the current folder. The environment variables
 * are `EXCHANGE_OUT`, `EXCHANGE_FORMAT`, `EXCHANGE_BRAND`, `EXCHANGE_THEME`,
 * `EXCHANGE_PROFILE`, `EXCHANGE_ATTENDEES`, `EXCHANGE_CONCURRENCY`,
 * `EXCHANGE_TIMEOUT`, `EXCHANGE_STRICT` (`1`/`true`/`yes` or `0`/`false`/`no`),
 * and `EXCHANGE_CONFIG` (another settings file). A bad setting is a
 * `UsageError` (exit 2) naming the file, line and key, or the variable.
 */
import fs from 'node:fs'
import path from 'node:path'
import {isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode} from 'yaml'
import {allFormats, type Format} from './engine/batch.js'
import {UsageError} from './errors.js'
import {didYouMean} from './util/did-you-mean.js'

export interface Settings {
  out?: string
  format?: Format[]
  brand?: string
  theme?: string
  profile?: string
  attendees?: string
  concurrency?: number
  /** Seconds. */
  timeout?: number
  strict?: boolean
}

export type SettingKey = keyof Settings

export const settingKeys: readonly SettingKey[] = ['out', 'format', 'brand', 'theme', 'profile', 'attendees', 'concurrency', 'timeout', 'strict']

export const configFileName = 'exchange.yaml'

const pathKeys: ReadonlySet<SettingKey> = new Set(['out', 'brand', 'theme', 'attendees'])

export interface LoadedConfig {
  /** The settings file read, if any. */
  file?: string
  /** From the settings file (paths made absolute). */
  fromFile: Settings
  /** From `EXCHANGE_*` variables. */
  fromEnv: Settings
}

/** What a value must be, and how to read it from text (the environment). */
type Check = (value: unknown) => {ok: true; value: Settings[SettingKey]} | {ok: false; expected: string}

const text: Check = (value) => (typeof value === 'string' && value.trim() !== '' ? {ok: true, value: value.trim()} : {ok: false, expected: 'a path or name'})

const checks: Record<SettingKey, Check> = {
  out: text,
  brand: text,
  theme: text,
  profile: text,
  attendees: text,
  format(value) {
    const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : undefined
    const formats = list?.map((format) => (typeof format === 'string' ? format.trim().toLowerCase() : '')).filter(Boolean)
    if (!formats || formats.length === 0 || formats.some((format) => !(allFormats as readonly string[]).includes(format))) {
      return {ok: false, expected: `a list of ${allFormats.join(', ')}`}
    }
    return {ok: true, value: [...new Set(formats)] as Format[]}
  },
  concurrency(value) {
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
    return typeof number === 'number' && Number.isInteger(number) && number >= 1 ? {ok: true, value: number} : {ok: false, expected: 'a whole number of 1 or more'}
  },
  timeout(value) {
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
    return typeof number === 'number' && Number.isFinite(number) && number > 0 ? {ok: true, value: number} : {ok: false, expected: 'a number of seconds above 0'}
  },
  strict(value) {
    if (typeof value === 'boolean') return {ok: true, value}
    if (typeof value === 'string' && /^(?:1|true|yes|on)$/i.test(value.trim())) return {ok: true, value: true}
    if (typeof value === 'string' && /^(?:0|false|no|off)$/i.test(value.trim())) return {ok: true, value: false}
    return {ok: false, expected: '`true` or `false`'}
  },
}

function assign<K extends SettingKey>(settings: Settings, key: K, value: Settings[SettingKey]): void {
  settings[key] = value as Settings[K]
}


/** Read and validate a settings file. Paths in it are made absolute, relative to its folder. */
export function readConfigFile(file: string, display = file): Settings {
  let source: string
  try {
    source = fs.readFileSync(file, 'utf8')
  } catch {
    throw new UsageError(`Cannot read settings file \`${display}\``, {file: display, rule: 'config', hint: 'check the path given to --config or EXCHANGE_CONFIG'})
  }
  const lineCounter = new LineCounter()
  const document = parseDocument(source, {lineCounter})
  const place = (offset: number | undefined) => {
    const {line, col} = lineCounter.linePos(offset ?? 0)
    return {line, column: col}
  }
  const problem = document.errors[0]
  if (problem) {
    throw new UsageError(`Cannot read ${path.basename(display)}: ${problem.message.split('\n')[0]}`, {file: display, ...place(problem.pos[0]), rule: 'config', hint: 'fix the YAML'})
  }
  const settings: Settings = {}
  if (document.contents === null || (isScalar(document.contents) && document.contents.value === null)) return settings
  if (!isMap(document.contents)) {
    throw new UsageError(`Unexpected ${path.basename(display)} that is not a set of \`key: value\` lines`, {file: display, line: 1, column: 1, rule: 'config', hint: `use keys among ${settingKeys.join(', ')}`})
  }
  const folder = path.dirname(path.resolve(file))
  for (const pair of document.contents.items) {
    const keyNode = pair.key as YamlNode | null
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode)
    const at = place(keyNode?.range?.[0])
    if (!(settingKeys as readonly string[]).includes(key)) {
      const suggestion = didYouMean(key.toLowerCase(), settingKeys)
      throw new UsageError(`Unexpected key \`${key}\` in ${path.basename(display)}`, {
        file: display,
        ...at,
        rule: 'config',
        hint: suggestion ? `did you mean \`${suggestion}\`? (known keys: ${settingKeys.join(', ')})` : `known keys: ${settingKeys.join(', ')}`,
      })
    }
    const settingKey = key as SettingKey
    const valueNode = pair.value as YamlNode | null
    const raw: unknown = valueNode && 'toJSON' in valueNode ? valueNode.toJSON() : null
    const checked = checks[settingKey](raw)
    if (!checked.ok) {
      throw new UsageError(`Unexpected \`${key}\` in ${path.basename(display)}, expected ${checked.expected}`, {
        file: display,
        ...place(valueNode?.range?.[0] ?? keyNode?.range?.[0]),
        rule: 'config',
        hint: `correct \`${key}\``,
      })
    }
    let value = checked.value
    if (typeof value === 'string' && (pathKeys.has(settingKey) || (settingKey === 'profile' && /[\\/]|\.ya?ml$/i.test(value)))) value = path.resolve(folder, value)
    assign(settings, settingKey, value)
  }
  return settings
}

/** Settings from `EXCHANGE_*` variables. */
export function settingsFromEnv(env: NodeJS.ProcessEnv): Settings {
  const settings: Settings = {}
  for (const key of settingKeys) {
    const variable = `EXCHANGE_${key.toUpperCase()}`
    const raw = env[variable]
    if (raw === undefined || raw === '') continue
    const checked = checks[key](raw)
    if (!checked.ok) {
      throw new UsageError(`Unexpected ${variable}=${JSON.stringify(raw)}, expected ${checked.expected}`, {rule: 'config', hint: `correct or unset ${variable}`})
    }
    assign(settings, key, checked.value)
  }
  return settings
}

/**
 * The settings file that applies in `cwd`: `exchange.yaml` there or in the
 * nearest folder above it (as git finds `.git`), so that a command run from
 * a subfolder of a project uses the project's settings.
 */
export function findConfigFile(cwd: string): string | undefined {
  let folder = path.resolve(cwd)
  for (;;) {
    const file = path.join(folder, configFileName)
    if (fs.statSync(file, {throwIfNoEntry: false})?.isFile()) return file
    const parent = path.dirname(folder)
    if (parent === folder) return undefined
    folder = parent
  }
}

/**
 * Load the settings that apply in `cwd`: the file given (`--config`, else
 * `EXCHANGE_CONFIG`), else the nearest `exchange.yaml` in `cwd` or a folder
 * above it; and the environment.
 */
export function loadConfig(options: {cwd: string; env: NodeJS.ProcessEnv; file?: string}): LoadedConfig {
  const given = options.file ?? (options.env.EXCHANGE_CONFIG || undefined)
  const file = given ? path.resolve(options.cwd, given) : findConfigFile(options.cwd)
  const exists = file !== undefined && (fs.statSync(file, {throwIfNoEntry: false})?.isFile() ?? false)
  if (given && !exists) {
    throw new UsageError(`Cannot find settings file \`${given}\``, {file: given, rule: 'config', hint: 'check the path given to --config or EXCHANGE_CONFIG'})
  }
  const display = file ? path.relative(options.cwd, file) || file : ''
  return {
    ...(exists ? {file} : {}),
    fromFile: exists && file ? readConfigFile(file, display.startsWith('..') || path.isAbsolute(display) ? file : display) : {},
    fromEnv: settingsFromEnv(options.env),
  }
}

/** What every command reads: the merged settings, and the file they came from. */
export interface ResolvedSettings {
  settings: Settings
  /** The settings file read, if any. */
  file?: string
}

/**
 * The one settings model every command uses: flags > `EXCHANGE_*` >
 * `--config FILE` (or `EXCHANGE_CONFIG`, or the nearest `exchange.yaml`) >
 * defaults. With a settings file, the default output folder is `out` beside
 * it, not in the folder the command was run from: a project builds to the
 * same place from any of its subfolders.
 */
export function resolveSettings(flags: Settings, options: {cwd: string; env: NodeJS.ProcessEnv; config?: string}): ResolvedSettings {
  const config = loadConfig({cwd: options.cwd, env: options.env, file: options.config})
  const defaults: Settings = config.file ? {out: path.join(path.dirname(config.file), 'out')} : {}
  return {settings: mergeSettings(flags, config.fromEnv, config.fromFile, defaults), ...(config.file ? {file: config.file} : {})}
}

/** Merge layers of settings, highest precedence first: the first layer that sets a key wins. */
export function mergeSettings(...layers: Settings[]): Settings {
  const merged: Settings = {}
  for (const key of settingKeys) {
    const layer = layers.find((candidate) => candidate[key] !== undefined)
    if (layer) assign(merged, key, layer[key])
  }
  return merged
}
