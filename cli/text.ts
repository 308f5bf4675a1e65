/** camelCase option key → the kebab-case flag users type (batchSize → batch-size). */
export function kebabCase(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
