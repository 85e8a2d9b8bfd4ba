/**
 * Placeholders in canned responses, rendered the same way in the browser (when an agent inserts a
 * canned response) and on the server (when a lead saves one, unknown names are refused).
 */

export const PLACEHOLDER_NAMES = [
  'customer.name',
  'customer.handle',
  'agent.name',
  'agent.initials',
] as const;
export type PlaceholderName = (typeof PLACEHOLDER_NAMES)[number];

export interface PlaceholderValues {
  customer: { name: string; handle: string };
  agent: { name: string; initials: string };
}

export interface RenderedTemplate {
  text: string;
  /** Placeholders we do not know, left in the text as written so the agent sees them. */
  unknown: string[];
  /** Known placeholders without a value here (e.g. a customer without a handle), rendered empty. */
  empty: PlaceholderName[];
}

// `{{ name }}`; the name is letters, digits, dots and underscores. Anything else is plain text.
const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_.]+)\s*\}\}/g;

const isKnown = (name: string): name is PlaceholderName =>
  (PLACEHOLDER_NAMES as readonly string[]).includes(name);

function placeholderValue(name: PlaceholderName, values: PlaceholderValues): string {
  switch (name) {
    case 'customer.name':
      return values.customer.name.trim();
    case 'customer.handle': {
      // Stored without "@"; written with it, as one addresses someone on X.
      const handle = values.customer.handle.trim().replace(/^@/, '');
      return handle === '' ? '' : `@${handle}`;
    }
    case 'agent.name':
      return values.agent.name.trim();
    case 'agent.initials':
      return values.agent.initials.trim();
  }
}

/** Every placeholder name in a template that is not one of PLACEHOLDER_NAMES, once each, in order. */
export function unknownPlaceholders(template: string): string[] {
  const found: string[] = [];
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    if (!isKnown(name) && !found.includes(name)) found.push(name);
  }
  return found;
}

/**
 * Fills in `{{customer.name}}`, `{{customer.handle}}`, `{{agent.name}}` and `{{agent.initials}}`.
 * Unknown placeholders stay in the text as written and are reported, never silently dropped.
 */
export function renderPlaceholders(template: string, values: PlaceholderValues): RenderedTemplate {
  const unknown: string[] = [];
  const empty: PlaceholderName[] = [];
  const text = template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!isKnown(name)) {
      if (!unknown.includes(name)) unknown.push(name);
      return whole;
    }
    const value = placeholderValue(name, values);
    if (value === '' && !empty.includes(name)) empty.push(name);
    return value;
  });
  return { text, unknown, empty };
}
