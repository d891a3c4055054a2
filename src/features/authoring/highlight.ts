import { HighlightStyle } from '@codemirror/language';
import { tags } from '@lezer/highlight';

// YAML colours from CSS variables (authoring.css), so the light, dark and high-contrast themes all read well.
export const yamlHighlight = HighlightStyle.define([
  { tag: tags.definition(tags.propertyName), color: 'var(--yaml-key)', fontWeight: '600' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--yaml-string)' },
  { tag: tags.lineComment, color: 'var(--yaml-comment)', fontStyle: 'italic' },
  { tag: [tags.separator, tags.meta], color: 'var(--muted)' },
  { tag: [tags.keyword, tags.typeName, tags.labelName], color: 'var(--yaml-special)' },
]);
