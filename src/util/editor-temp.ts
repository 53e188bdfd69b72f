/**
 * Files that editors write beside the file being edited and remove again:
 * swap and backup files, lock files, atomic-save temporaries. `--watch`
 * neither rebuilds for them nor names them.
 */
import path from 'node:path'

const patterns: readonly RegExp[] = [
  /\.sw[a-p]$/i, // Vim swap files: .notes.md.swp, .swo, …
  /^4913$/, // Vim's probe of whether it may write the folder
  /~$/, // backups: Vim, Emacs, gedit, nano
  /^\.#/, // Emacs lock files
  /^#.*#$/, // Emacs auto-save files
  /___jb_(?:tmp|old|bak)___$/, // JetBrains safe write
  /\.kate-swp$/i, // Kate
  /^\.goutputstream-/, // GNOME's gedit and GIO
  /\.(?:tmp|temp|crswap|bak|orig)$/i, // atomic saves (VS Code, Sublime, Chrome), merge leftovers
  /^\.?sed[A-Za-z0-9]{6}$/, // sed -i
  /^\.DS_Store$/,
]

/** Whether `file` (a path or a name) is an editor's temporary file. */
export function isEditorTempFile(file: string): boolean {
  const name = path.basename(file)
  return patterns.some((pattern) => pattern.test(name))
}
