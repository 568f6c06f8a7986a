import { a11ySnapshot } from '@web/test-runner-commands';

/** A node of Chromium's accessibility tree, as the snapshot command returns it. */
export interface AccessibleNode {
  role: string;
  name: string;
  disabled?: boolean;
  children?: AccessibleNode[];
}

function* walk(node: AccessibleNode): Generator<AccessibleNode> {
  yield node;
  for (const child of node.children ?? []) yield* walk(child);
}

/** The page's accessibility tree, as Chromium computes it (roles and names, through shadow roots). */
export async function accessibilityTree(): Promise<AccessibleNode> {
  return (await a11ySnapshot({})) as unknown as AccessibleNode;
}

/** Every node with `role` in `tree`, and its accessible name. */
export function byRole(tree: AccessibleNode, role: string): AccessibleNode[] {
  return [...walk(tree)].filter((node) => node.role === role);
}

/** The names of the nodes with `role`, in tree order. */
export function namesOf(tree: AccessibleNode, role: string): string[] {
  return byRole(tree, role).map((node) => node.name);
}

/** Whether the tree has a node with `role` named `name` (as a screen reader would announce it). */
export function hasRole(tree: AccessibleNode, role: string, name: string): boolean {
  return byRole(tree, role).some((node) => node.name === name);
}

/**
 * Waits until the tree has a node with `role` named `name`. The timeout only turns a hang into a
 * message; it sits far above anything a correct program takes on a loaded machine.
 */
export async function untilRole(role: string, name: string, timeout = 60_000): Promise<AccessibleNode> {
  const start = performance.now();
  for (;;) {
    const tree = await accessibilityTree();
    const found = byRole(tree, role).find((node) => node.name === name);
    if (found) return found;
    if (performance.now() - start > timeout) {
      throw new Error(
        `Timed out waiting for a ${role} named "${name}"; found: ${namesOf(tree, role).join(' | ')}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
