/**
 * Server errors name a field by path (`name`, `tags.2`, `variants.0.sku`); an input matches
 * when the error is about it or about something inside it.
 */
export function isFieldInvalid(errorField: string | undefined, field: string): boolean {
  if (!errorField) return false;
  return errorField === field || errorField.startsWith(`${field}.`);
}

/**
 * Focuses the input the error is about: `[data-field]` equal to the path, or else to its
 * nearest parent path (`images.3` falls back to `images`).
 */
export function focusField(root: HTMLElement | null, errorField: string | undefined): void {
  if (!root || !errorField) return;
  const parts = errorField.split('.');
  while (parts.length > 0) {
    const target = root.querySelector<HTMLElement>(`[data-field="${CSS.escape(parts.join('.'))}"]`);
    if (target) {
      target.focus();
      return;
    }
    parts.pop();
  }
}
