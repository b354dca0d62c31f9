import { AsyncLocalStorage } from 'async_hooks';

/** What the plugin's own operations tell its Document Service middleware. */
export interface WorkflowContext {
  /** A change the plugin itself makes (e.g. writing the 索引号): not an editor's edit. */
  internal?: boolean;
  /** An unpublication through the review API, with its reason (撤稿). */
  unpublishReason?: string;
  /** Inside a publication the gate already checked (Strapi may publish from within update). */
  inGate?: boolean;
}

const storage = new AsyncLocalStorage<WorkflowContext>();

export const workflowContext = {
  run<T>(context: WorkflowContext, fn: () => Promise<T>): Promise<T> {
    return storage.run({ ...storage.getStore(), ...context }, fn);
  },
  get(): WorkflowContext {
    return storage.getStore() ?? {};
  },
};
