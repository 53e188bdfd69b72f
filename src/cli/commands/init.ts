/** `exchange init [dir]`: scaffold notes, project config, a brand and a theme to copy. */
import path from 'node:path'
import type {Command} from 'commander'
import {init} from '../../init/index.js'
import type {Io} from '../index.js'

export function initCommand(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('init')
    .description('Scaffold a notes template, exchange.yaml, a brand folder and a copy of the theme to customise.')
    .argument('[dir]', 'folder to create them in (created if missing)', '.')
    .addHelpText(
      'after',
      `
Never overwrites: if any file it would write exists, it writes nothing (exit 2).

Examples:
  $ exchange init
  $ exchange init my-report`,
    )
    .action((dir: string) => {
      const result = init(dir, {cwd: io.cwd})
      const shown = path.relative(io.cwd, result.dir) || '.'
      const where = shown === '.' ? 'this folder' : `\`${shown}\``
      io.stdout.write(
        [
          `Scaffolded ${where}:`,
          '  notes.md        a notes template; its front matter is documented inline',
          '  exchange.yaml   project settings (flags and EXCHANGE_* variables override them)',
          '  brand/          your name, logos, colours, fonts, footer and about text',
          `  theme/          a copy of the default theme (${result.files.filter((file) => file.startsWith(`theme${path.sep}`)).length} files) to customise`,
          '',
          'Next steps:',
          ...(shown === '.' ? [] : [`  cd ${shown}`]),
          '  edit brand/brand.yaml, then replace notes.md with your notes',
          '  exchange build notes.md         # writes out/notes.html and out/notes.pdf',
          '  (not installed? `npx @exchange-reports/cli build notes.md` runs it)',
          '',
        ].join('\n'),
      )
      setExit(0)
    })
}
