/** Types of serve.mjs, for the end-to-end test that starts the Chatwoot stand-in. */
export declare function startChatwootHarness(options?: { port?: number; hostname?: string }): Promise<{
  /** The stand-in's origin, e.g. `http://127.0.0.1:8361`. */
  url: string;
  close(): Promise<void>;
}>;
