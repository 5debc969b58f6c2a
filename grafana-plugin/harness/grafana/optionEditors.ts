/**
 * Grafana's core fills @grafana/data's standardEditorsRegistry with its option editors at boot
 * (public/app/core/components/OptionsUI/registry.tsx); a panel's options builder looks its
 * editors up there by id. The page shows no options pane, so each id gets an empty editor.
 */
import { standardEditorsRegistry } from '@grafana/data';

const EDITOR_IDS = [
  'boolean',
  'color',
  'dashboard-uid',
  'field-name',
  'multi-select',
  'number',
  'radio',
  'select',
  'slider',
  'strings',
  'text',
  'timezone',
  'unit',
];

export function registerOptionEditors() {
  standardEditorsRegistry.setInit(() => EDITOR_IDS.map((id) => ({ id, name: id, editor: () => null })));
}
