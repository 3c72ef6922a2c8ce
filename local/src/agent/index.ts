/** The local CodeDeploy agent: the endpoint creates one and calls deploy() per instance and deployment. */
export { createInstanceAgent, type InstanceAgentOptions } from './agent';
export { BundleRejectedError } from './safe-tree-writer';
export { unpackBundle } from './unpack';
export * from './types';
