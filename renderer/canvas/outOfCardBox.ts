import type Konva from 'konva';

/**
 * Drawn on or around a card but no part of its box: the wait badge above its top edge, the
 * selection's outline around it. Konva's Transformer measures the card's group with all its
 * children, so with these in it the resize handles stood on the badge's top edge (where nobody
 * looks for them) and a drag resized the card in proportion to card, outline and badge, not by
 * what the hand moved. Measured on its own (a test's canvasNodes) a node keeps its real box.
 */
export function outOfCardBox(node: Konva.Node | null): void {
  if (!node) return;
  const own = node.getClientRect.bind(node);
  node.getClientRect = (config) => (config?.relativeTo && config.relativeTo === node.getParent() ? { x: node.x(), y: node.y(), width: 0, height: 0 } : own(config));
}
