/** Escapes text for HTML element content and attribute values. Every string from an input file passes here. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

/**
 * JSON safe to embed inside a <script> element: `<` is written as \u003c so no input string can close the
 * script (`</script>`) or open a comment, and the JavaScript line separators U+2028/2029 are escaped too.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** Escapes text for a Markdown table cell or line: pipes, backticks and HTML-significant characters. */
export function escapeMarkdown(text: string): string {
  return escapeHtml(text).replace(/\|/g, "\\|").replace(/`/g, "\\`").replace(/\r?\n/g, " ");
}
