/** The extension package's data files (public/) read from disk, for scripts, evals, benches and tests in Node. */
import { readFile } from 'node:fs/promises';
import type { PackageFiles } from '../lib/package-files';

const url = (path: string) => new URL(`../public/${path}`, import.meta.url);
export const readPublic = (path: string) => readFile(url(path), 'utf8');
export const readPublicBytes = (path: string) => readFile(url(path));
export const publicFiles: PackageFiles = { text: readPublic, bytes: readPublicBytes };
