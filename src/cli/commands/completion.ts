/**
 * `exchange completion bash|zsh|fish`: a shell completion script, made from
 * the commands and options the program defines, so it never falls behind
 * them. Options that take a value complete it: formats, shipped profiles,
 * shells, folders or files.
 */
import {InvalidArgumentError, type Command, type Option} from 'commander'
import {allFormats} from '../../engine/batch.js'
import {shippedProfiles} from '../../group/profile.js'
import type {Io} from '../index.js'

export const shells = ['bash', 'zsh', 'fish'] as const
export type Shell = (typeof shells)[number]

/** What an option's value is, for completing it. */
type ValueKind = 'none' | 'dir' | 'file' | 'formats' | 'profile' | 'word'

interface OptionSpec {
  short?: string
  long?: string
  description: string
  kind: ValueKind
}

interface CommandSpec {
  name: string
  description: string
  options: OptionSpec[]
  /** What its arguments are. */
  args: 'files' | 'dir' | 'shell'
}

function kindOf(option: Option): ValueKind {
  if (!option.required && !option.optional) return 'none'
  const value = option.flags.replace(/^.*[<[]([^>\]]+)[>\]].*$/, '$1')
  if (option.long === '--format') return 'formats'
  if (option.long === '--profile') return 'profile'
  if (/^dir\b/.test(value)) return 'dir'
  if (/file/.test(value)) return 'file'
  return 'word'
}

/** The program's commands and their visible options. */
export function describeProgram(program: Command): CommandSpec[] {
  return program.commands
    .filter((command) => !(command as unknown as {_hidden?: boolean})._hidden)
    .map((command) => ({
      name: command.name(),
      description: command.description(),
      options: [
        ...command.options.filter((option) => !option.hidden && !option.negate),
        ...command.options.filter((option) => option.negate && option.long === '--no-color'),
      ].map((option) => ({short: option.short, long: option.long, description: option.description, kind: kindOf(option)})),
      args: command.name() === 'completion' ? 'shell' : command.name() === 'init' || command.name() === 'merge-manifests' ? 'dir' : 'files',
    }))
}

/** One line, no quotes or brackets: safe inside any of the three shells' quoting below. */
function plain(text: string): string {
  return text
    .split(/\.(?:\s|$)|[;(]/)[0]!
    .replace(/[`'"\\$[\]:]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

function bash(commands: CommandSpec[], profiles: string[]): string {
  const cases = commands
    .map((command) => {
      const flags = command.options.flatMap((option) => [option.short, option.long].filter(Boolean)).join(' ')
      return `    ${command.name}) opts="${flags} --help"; args=${command.args} ;;`
    })
    .join('\n')
  const valued = (kind: ValueKind) =>
    commands
      .flatMap((command) => command.options.filter((option) => option.kind === kind).flatMap((option) => [option.short, option.long]))
      .filter((flag): flag is string => Boolean(flag))
  const replies: Array<[ValueKind, string]> = [
    ['formats', `COMPREPLY=($(compgen -W "${allFormats.join(' ')} ${allFormats.join(',')}" -- "$cur"))`],
    ['profile', `COMPREPLY=($(compgen -W "${profiles.join(' ')}" -- "$cur") $(compgen -f -X '!*.y*ml' -- "$cur"))`],
    ['dir', 'COMPREPLY=($(compgen -d -- "$cur"))'],
    ['file', 'COMPREPLY=($(compgen -f -- "$cur"))'],
    ['word', 'COMPREPLY=()'],
  ]
  const prevCases = replies
    .map(([kind, reply]) => [[...new Set(valued(kind))].join('|'), reply] as const)
    .filter(([flags]) => flags !== '')
    .map(([flags, reply]) => `    ${flags}) ${reply}; return ;;`)
    .join('\n')
  return `# exchange completion for bash. Load it with:
#   source <(exchange completion bash)
# or save it as ~/.local/share/bash-completion/completions/exchange
_exchange() {
  local cur prev command opts args
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "${commands.map((command) => command.name).join(' ')} --help --version -V" -- "$cur"))
    return
  fi
  command="\${COMP_WORDS[1]}"
  case "$command" in
${cases}
    *) return ;;
  esac
  case "$prev" in
${prevCases}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  elif [ "$args" = shell ]; then
    COMPREPLY=($(compgen -W "${shells.join(' ')}" -- "$cur"))
  elif [ "$args" = dir ]; then
    COMPREPLY=($(compgen -d -- "$cur"))
  else
    COMPREPLY=($(compgen -f -X '!*.md' -- "$cur") $(compgen -d -- "$cur"))
  fi
}
complete -o filenames -F _exchange exchange
`
}

function zshValue(option: OptionSpec, profiles: string[]): string {
  switch (option.kind) {
    case 'none':
      return ''
    case 'formats':
      return `:format:_sequence compadd - ${allFormats.join(' ')}`
    case 'profile':
      return `:profile:(${profiles.join(' ')})`
    case 'dir':
      return ':folder:_files -/'
    case 'file':
      return ':file:_files'
    default:
      return ':value: '
  }
}

function zsh(commands: CommandSpec[], profiles: string[]): string {
  const cases = commands
    .map((command) => {
      const specs = command.options.map((option) => {
        const value = zshValue(option, profiles)
        const text = plain(option.description)
        if (option.short && option.long) return `'(${option.short} ${option.long})'{${option.short},${option.long}}'[${text}]${value}'`
        return `'${option.long ?? option.short}[${text}]${value}'`
      })
      const rest = command.args === 'shell' ? `':shell:(${shells.join(' ')})'` : command.args === 'dir' ? `'*:folder:_files -/'` : `'*:notes:_files -g "*.md(-.)"'`
      return `    ${command.name})\n      _arguments -s ${[...specs, "'(- *)'{-h,--help}'[show help]'", rest].join(' \\\n        ')} ;;`
    })
    .join('\n')
  return `#compdef exchange
# exchange completion for zsh. Load it with:
#   source <(exchange completion zsh)
# or save it as _exchange in a folder of $fpath
_exchange() {
  local -a commands
  commands=(
${commands.map((command) => `    '${command.name}:${plain(command.description)}'`).join('\n')}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  words=("\${words[@]:1}")
  (( CURRENT-- ))
  case "\${words[1]}" in
${cases}
  esac
}
if [[ "\${zsh_eval_context[-1]}" == loadautofunc ]]; then
  _exchange "$@"
else
  compdef _exchange exchange
fi
`
}

function fish(commands: CommandSpec[], profiles: string[]): string {
  const lines = [
    '# exchange completion for fish. Load it with:',
    '#   exchange completion fish | source',
    '# or save it as ~/.config/fish/completions/exchange.fish',
    'complete -c exchange -f',
    "complete -c exchange -n __fish_use_subcommand -s V -l version -d 'print the version'",
  ]
  for (const command of commands) {
    lines.push(`complete -c exchange -n __fish_use_subcommand -a ${command.name} -d '${plain(command.description)}'`)
    const when = `-n '__fish_seen_subcommand_from ${command.name}'`
    for (const option of command.options) {
      const names = [option.short ? `-s ${option.short.slice(1)}` : '', option.long ? `-l ${option.long.slice(2)}` : ''].filter(Boolean).join(' ')
      const value =
        option.kind === 'none'
          ? ''
          : option.kind === 'formats'
            ? ` -x -a '${allFormats.join(' ')}'`
            : option.kind === 'profile'
              ? ` -r -F -a '${profiles.join(' ')}'`
              : option.kind === 'dir'
                ? " -x -a '(__fish_complete_directories)'"
                : option.kind === 'file'
                  ? ' -r -F'
                  : ' -x'
      lines.push(`complete -c exchange ${when} ${names}${value} -d '${plain(option.description)}'`)
    }
    if (command.args === 'shell') lines.push(`complete -c exchange ${when} -a '${shells.join(' ')}'`)
    else if (command.args === 'dir') lines.push(`complete -c exchange ${when} -a '(__fish_complete_directories)'`)
    else lines.push(`complete -c exchange ${when} -F`)
  }
  return `${lines.join('\n')}\n`
}

/** The completion script for `shell`. */
export function completionScript(program: Command, shell: Shell): string {
  const commands = describeProgram(program)
  const profiles = shippedProfiles()
  return shell === 'bash' ? bash(commands, profiles) : shell === 'zsh' ? zsh(commands, profiles) : fish(commands, profiles)
}

function shellArgument(value: string): Shell {
  if (!(shells as readonly string[]).includes(value)) throw new InvalidArgumentError(`expected one of ${shells.join(', ')}.`)
  return value as Shell
}

export function completionCommand(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('completion')
    .description('Print a shell completion script for bash, zsh or fish.')
    .argument('<shell>', `one of ${shells.join(', ')}`, shellArgument)
    .addHelpText(
      'after',
      `
Examples:
  $ source <(exchange completion bash)            # in ~/.bashrc
  $ source <(exchange completion zsh)             # in ~/.zshrc, after compinit
  $ exchange completion fish > ~/.config/fish/completions/exchange.fish`,
    )
    .action((shell: Shell) => {
      io.stdout.write(completionScript(program, shell))
      setExit(0)
    })
}
