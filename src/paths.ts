/** Where the files shipped with the package live (the same from `src/` and `dist/`). */
import {fileURLToPath} from 'node:url'

export const packageRoot = fileURLToPath(new URL('../', import.meta.url))
export const templatesDir = fileURLToPath(new URL('../templates/', import.meta.url))
export const profilesDir = fileURLToPath(new URL('../templates/profiles/', import.meta.url))
